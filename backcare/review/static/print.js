// The printable transcript's Print button (a file, not inline script: CSP).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("print").addEventListener("click", () => window.print());
});
