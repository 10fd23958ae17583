// The picture of the period: one small SVG chart per minimum (and the total), drawn from the
// verdict's `schedule.series`. Accumulated points (done: solid, planned: dashed) against the line
// that reaches the norm on the last day, with today marked. Colours come from CSS classes, so light
// and dark both work; the same figures are in the table beside it (the text alternative).

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 320;
const HEIGHT = 170;
const PAD = { left: 34, right: 12, top: 20, bottom: 26 };  // top: room for "vandaag" above the lines

/** An SVG element with attributes and children. */
function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children.flat(Infinity)) node.append(child);
  return node;
}

function day(iso) {
  return Date.UTC(...iso.split("-").map((part, index) => Number(part) - (index === 1 ? 1 : 0)));
}

/** A captioned chart for every target that has a line: categories with a minimum and the total. */
export function periodCharts(schedule, period) {
  const lines = new Map(schedule.series.map((line) => [line.id, line]));
  return schedule.targets.filter((target) => lines.has(target.id)).map((target) => {
    const figure = document.createElement("figure");
    figure.className = "pc-chart-figure";
    const caption = document.createElement("figcaption");
    caption.textContent = target.caption;
    figure.append(caption, chart(target, lines.get(target.id), schedule, period));
    return figure;
  });
}

function chart(target, line, schedule, period) {
  const [start, end, today] = [day(period.start), day(period.end), day(schedule.today)];
  const top = Math.max(target.required, ...line.points.map((point) => point.value), 1);
  const x = (time) => PAD.left + ((Math.min(Math.max(time, start), end) - start) / (end - start)) * (WIDTH - PAD.left - PAD.right);
  const y = (value) => HEIGHT - PAD.bottom - (value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const titleId = `pc-chart-${target.id}-title`;
  const descId = `pc-chart-${target.id}-desc`;
  const done = line.points.filter((point) => !point.planned);
  const planned = line.points.filter((point) => point.planned);
  const fromToday = { date: schedule.today, value: (done.at(-1) ?? { value: 0 }).value };
  const nowX = x(Math.min(today, end));
  return svg("svg", {
    class: `pc-chart pc-chart--${target.status}`, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img",
    "aria-labelledby": titleId, "aria-describedby": descId, "data-target": target.id,
  },
  svg("title", { id: titleId }, target.caption),
  svg("desc", { id: descId }, target.text),
  svg("line", { class: "pc-chart__axis", x1: PAD.left, y1: y(0), x2: WIDTH - PAD.right, y2: y(0) }),
  svg("line", { class: "pc-chart__axis", x1: PAD.left, y1: y(0), x2: PAD.left, y2: PAD.top }),
  svg("text", { class: "pc-chart__label", x: PAD.left - 4, y: y(0) + 4, "text-anchor": "end" }, "0"),
  svg("text", { class: "pc-chart__label", x: PAD.left - 4, y: y(target.required) + 4, "text-anchor": "end" }, target.figures.required),
  svg("text", { class: "pc-chart__label", x: PAD.left, y: HEIGHT - 8 }, period.start.slice(0, 4)),
  svg("text", { class: "pc-chart__label", x: WIDTH - PAD.right, y: HEIGHT - 8, "text-anchor": "end" }, period.end.slice(0, 4)),
  svg("line", { class: "pc-chart__norm", x1: x(start), y1: y(0), x2: x(end), y2: y(target.required) }),
  today >= start && today <= end ? [
    svg("line", { class: "pc-chart__today", x1: nowX, y1: PAD.top, x2: nowX, y2: y(0) }),
    svg("text", { class: "pc-chart__label pc-chart__today-label", x: nowX, y: PAD.top - 7,
      "text-anchor": nowX > WIDTH - 60 ? "end" : "middle" }, "vandaag"),
  ] : [],
  svg("path", { class: "pc-chart__done", d: steps([{ date: period.start, value: 0 }, ...done], x, y, Math.min(today, end)) }),
  planned.length ? svg("path", { class: "pc-chart__planned", d: steps([fromToday, ...planned], x, y, end) }) : [],
  planned.map((point) => svg("circle", { class: "pc-chart__plan-point", cx: x(day(point.date)), cy: y(point.value), r: 3 })),
  );
}

/** A step line through the points (the sum changes on each date), held level until `until`. */
function steps(points, x, y, until) {
  let d = `M${x(day(points[0].date)).toFixed(1)},${y(points[0].value).toFixed(1)}`;
  for (const point of points.slice(1)) {
    d += ` H${x(day(point.date)).toFixed(1)} V${y(point.value).toFixed(1)}`;
  }
  return `${d} H${x(until).toFixed(1)}`;
}
