// What the page says when the calculator cannot start: what went wrong, and what to do. Dutch.
const ADVICE = "Je kunt het formulier blijven invullen en je portfolio exporteren; je gegevens blijven staan.";

const MESSAGES = {
  "no-wasm": () => "Je browser ondersteunt geen WebAssembly, en dat heeft de rekenhulp nodig. " +
    "Gebruik een recente versie van Edge, Chrome, Firefox of Safari, of vraag je beheerder of WebAssembly is uitgezet.",
  csp: () => "De beveiligingsinstellingen van deze website (Content-Security-Policy) blokkeren WebAssembly, " +
    "dus de rekenhulp kan niet starten. Vraag de beheerder van de intranetserver om " +
    "'wasm-unsafe-eval' toe te staan in script-src.",
  missing: ({ file }) => `Een bestand van de rekenhulp ontbreekt of is geblokkeerd${file ? ` (${file})` : ""}. ` +
    "Herlaad de pagina; lukt het dan nog niet, meld het aan de beheerder van de gids.",
  timeout: (fault) => `De rekenhulp start niet: er kwam ${fault.message} seconden lang niets binnen. Herlaad de pagina; ` +
    "lukt het dan nog niet, meld het aan de beheerder van de gids.",
  worker: () => "Je browser kon de rekenhulp niet starten (geen Web Worker). Gebruik een recente browser.",
  start: () => "De rekenhulp kon niet starten door een onverwachte fout. Herlaad de pagina; " +
    "lukt het dan nog niet, meld het aan de beheerder van de gids.",
};

/** The Dutch message for an EngineFault (or any error at start-up). */
export function faultMessage(fault) {
  const message = (MESSAGES[fault?.kind] ?? MESSAGES.start)(fault ?? {});
  return `${message} ${ADVICE}`;
}
