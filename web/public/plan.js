// The printable plan's one button: the browser's print dialog (print or save as PDF).
"use strict";
document.getElementById("print-plan")?.addEventListener("click", () => window.print());
