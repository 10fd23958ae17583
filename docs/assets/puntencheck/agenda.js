// "Zet in mijn agenda": the verdict's key dates as an .ics file. The calculator writes the file
// (calculator/ics.py, the same as `python -m calculator check FILE --ics PATH`); this only saves it.
import { download } from "./files.js";

/** A click handler for `verdict` that downloads its .ics file and returns what to tell the visitor. */
export function calendarDownload(engine, verdict, guideUrl) {
  return async () => {
    try {
      const text = await engine.calendar(verdict, guideUrl);
      download(text, `registratie-${verdict.register}.ics`, "text/calendar");
      return "Agendabestand gedownload. Open het om de data in je agenda te zetten; opnieuw importeren werkt ze bij.";
    } catch (error) {
      return `Het agendabestand kon niet worden gemaakt: ${error.message}`;
    }
  };
}
