// Classic script, runs where the page's module cannot: opened as a file (file://), or when the
// module never starts (blocked or missing). Says in Dutch what is wrong and what to do.
(function () {
  "use strict";
  var FILE = "Deze pagina is als bestand geopend (file://). De rekenhulp werkt alleen als de gids via " +
    "een webserver wordt geopend, bijvoorbeeld het intranetadres of `make serve` (http://127.0.0.1:8000).";
  var BLOCKED = "De puntencheck kon niet starten: een script van deze pagina is geblokkeerd of ontbreekt. " +
    "Herlaad de pagina; lukt het dan nog niet, meld het aan de beheerder van de gids.";

  function say(text) {
    var status = document.getElementById("pc-status");
    if (!status) return;
    status.textContent = text;
    status.className = "pc-status pc-fault";
  }

  if (location.protocol === "file:") {
    say(FILE);
    return;
  }
  setTimeout(function () {
    if (!window.puntencheck) say(BLOCKED);
  }, 5000);
})();
