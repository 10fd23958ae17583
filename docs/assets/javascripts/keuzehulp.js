/* Keuzehulp: a decision tree one question at a time.
 *
 * The tree's graph comes from <script type="application/json" data-rw-tree-data>, written at
 * build time from the same YAML as the text below it; longer texts (help, explanation, next
 * steps) are copied from that text. The answers live in the URL query, keyed by node id
 * (?werk=ja&opleiding=hbo-wo): a result can be shared, reloaded and navigated with the
 * browser's back button. Every string reaches the DOM through textContent, never as HTML.
 * On pages without a tree this file does nothing.
 */
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, className, onClick) {
    var node = element("button", className, label);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  /* A copy of a block of the page's own text, without ids (they must stay unique). */
  function copyOf(source) {
    var copy = source.cloneNode(true);
    ["data-rw-body", "data-rw-help", "data-rw-extra"].forEach(function (name) { copy.removeAttribute(name); });
    copy.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
    copy.querySelectorAll(".headerlink").forEach(function (node) { node.remove(); });
    return copy;
  }

  function Stepper(mount, tree) {
    this.mount = mount;
    this.tree = tree;
    this.page = mount.closest("article") || document;
  }

  /* The answers in a query string (?werk=ja&…) along the route from the tree's start, and the
   * node they lead to; an unknown or missing answer ends the route there. */
  function readRoute(tree, search) {
    var params = new URLSearchParams(search);
    var answers = [];
    var current = tree.start;
    while (tree.nodes[current].type === "question") {
      var wanted = params.get(current);
      var option = tree.nodes[current].options.filter(function (o) { return o.id === wanted; })[0];
      if (!option) break;
      answers.push({node: current, option: option});
      current = option.next;
    }
    return {answers: answers, current: current};
  }

  /* The query string for `answers`, keeping parameters that are not the tree's. */
  function routeQuery(tree, search, answers) {
    var params = new URLSearchParams(search);
    Object.keys(tree.nodes).forEach(function (nodeId) { params.delete(nodeId); });
    answers.forEach(function (answer) { params.append(answer.node, answer.option.id); });
    var query = params.toString();
    return query ? "?" + query : "";
  }

  /* For the unit tests (node --test) and the browser console. */
  window.rwKeuzehulpRoute = {read: readRoute, query: routeQuery};

  Stepper.prototype.read = function () {
    return readRoute(this.tree, window.location.search);
  };

  Stepper.prototype.urlFor = function (answers) {
    return window.location.pathname + routeQuery(this.tree, window.location.search, answers);
  };

  Stepper.prototype.go = function (answers) {
    window.history.pushState(null, "", this.urlFor(answers));
    this.render(true);
  };

  Stepper.prototype.render = function (moveFocus) {
    var state = this.read();
    var views = this.tree.nodes[state.current].type === "question"
      ? [this.question(state)] : this.outcomes(state.current);
    this.mount.replaceChildren.apply(this.mount, views.concat([this.navigation(state.answers), this.summary(state.answers)]));
    this.mount.hidden = false;
    /* On paper an outcome prints with the answers instead of the whole tree (print.css). */
    this.mount.classList.toggle("rw-stepper--outcome", this.tree.nodes[state.current].type === "outcome");
    if (moveFocus) views[0].querySelector("h3").focus();
  };

  Stepper.prototype.heading = function (kicker, text, id) {
    var heading = element("h3", "rw-step__title");
    heading.id = id;
    heading.tabIndex = -1;
    heading.append(element("span", "rw-step__kicker", kicker), element("span", "", text));
    return heading;
  };

  Stepper.prototype.question = function (state) {
    var self = this;
    var node = this.tree.nodes[state.current];
    var headingId = "rw-step-" + this.tree.id;
    var view = element("section", "rw-step");
    view.setAttribute("aria-labelledby", headingId);
    view.append(this.heading("Vraag " + (state.answers.length + 1), node.text, headingId));
    var help = this.page.querySelector('[data-rw-help="' + state.current + '"]');
    if (help) view.append(copyOf(help));
    var options = element("div", "rw-options");
    options.setAttribute("role", "group");
    options.setAttribute("aria-labelledby", headingId);
    node.options.forEach(function (option) {
      var choice = button(option.label, "rw-option", function () {
        self.go(state.answers.concat([{node: state.current, option: option}]));
      });
      choice.setAttribute("data-option", option.id);
      options.append(choice);
    });
    view.append(options);
    var extra = this.page.querySelector('[data-rw-extra="' + state.current + '"]');
    if (extra) view.append(copyOf(extra));
    return view;
  };

  /* The outcome reached, and the outcomes that follow it ("daarna"), each as a card. */
  Stepper.prototype.outcomes = function (outcomeId) {
    var cards = [];
    for (var id = outcomeId; id; id = this.tree.nodes[id].then) {
      var card = element("section", "rw-card");
      var headingId = "rw-card-" + this.tree.id + "-" + id;
      card.setAttribute("aria-labelledby", headingId);
      card.setAttribute("data-outcome", id);
      card.append(this.heading(cards.length ? "Daarna" : "Uitkomst", this.tree.nodes[id].title, headingId));
      var body = this.page.querySelector('[data-rw-body="' + id + '"]');
      if (body) card.append(copyOf(body));
      cards.push(card);
    }
    return cards;
  };

  Stepper.prototype.navigation = function (answers) {
    var self = this;
    var nav = element("div", "rw-step-nav");
    if (answers.length) {
      nav.append(
        button("Vorige", "rw-nav-button rw-nav-button--back", function () { self.go(answers.slice(0, -1)); }),
        button("Opnieuw beginnen", "rw-nav-button", function () { self.go([]); })
      );
    }
    return nav;
  };

  Stepper.prototype.summary = function (answers) {
    var self = this;
    var section = element("section", "rw-summary");
    if (!answers.length) return section;
    var headingId = "rw-summary-" + this.tree.id;
    var heading = element("h3", "rw-summary__title", "Je antwoorden");
    heading.id = headingId;
    section.setAttribute("aria-labelledby", headingId);
    var list = element("ol", "rw-summary__list");
    answers.forEach(function (answer, index) {
      var question = self.tree.nodes[answer.node].text;
      var item = element("li", "rw-summary__item");
      var change = button("Wijzig", "rw-summary__change", function () { self.go(answers.slice(0, index)); });
      change.setAttribute("aria-label", "Wijzig je antwoord op: " + question);
      item.append(element("span", "rw-summary__question", question),
                  element("span", "rw-summary__answer", answer.option.label), change);
      list.append(item);
    });
    section.append(heading, list);
    return section;
  };

  /* With the step-by-step view running, the full text folds away behind a button; a link to
   * a question or outcome in it (table of contents, search) unfolds it again. */
  function foldFullText(all) {
    var toggle = button("Toon alle vragen en uitkomsten", "rw-nav-button rw-all-toggle", function () {
      show(all.hidden);
    });
    toggle.setAttribute("aria-expanded", "false");
    all.before(toggle);
    function show(open) {
      all.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? "Verberg alle vragen en uitkomsten" : "Toon alle vragen en uitkomsten";
    }
    function showTarget() {
      var target = hashTarget();
      if (target && all.contains(target)) {
        show(true);
        target.scrollIntoView();
      }
    }
    show(false);
    showTarget();
    window.addEventListener("hashchange", showTarget);
    window.addEventListener("beforeprint", function () {
      if (!document.querySelector(".rw-stepper--outcome")) show(true);
    });
  }

  /* The element the URL's #fragment names; null when there is none or it cannot be read
   * (a malformed escape such as #%E0%A4%A is ignored, so the tree starts as usual). */
  function hashTarget() {
    var hash = window.location.hash.slice(1);
    if (!hash) return null;
    try {
      return document.getElementById(decodeURIComponent(hash));
    } catch (error) {
      return null;
    }
  }

  document.querySelectorAll(".rw-stepper[data-rw-tree]").forEach(function (mount) {
    var id = mount.getAttribute("data-rw-tree");
    var data = document.querySelector('script[data-rw-tree-data="' + id + '"]');
    if (!data) return;
    var stepper = new Stepper(mount, JSON.parse(data.textContent));
    stepper.render(false);
    window.addEventListener("popstate", function () { stepper.render(true); });
    document.querySelectorAll(".rw-nojs").forEach(function (note) { note.hidden = true; });
    var all = document.querySelector('[data-rw-all="' + id + '"]');
    if (all) foldFullText(all);
  });
})();
