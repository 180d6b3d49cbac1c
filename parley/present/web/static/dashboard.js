// Parley dashboard: conveniences only; every page works without this script.
// The article view's legend: untick a kind of mark to hide its highlight.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var legend = document.getElementById("legend");
  var text = document.getElementById("text");
  if (!legend || !text) return;
  legend.addEventListener("change", function (event) {
    var box = event.target;
    var kind = box.getAttribute("data-kind");
    if (!kind) return;
    var on = "hl-" + kind, off = "off-" + kind;
    var from = box.checked ? off : on, to = box.checked ? on : off;
    text.querySelectorAll("." + CSS.escape(from)).forEach(function (el) {
      el.classList.remove(from);
      el.classList.add(to);
    });
  });
});
