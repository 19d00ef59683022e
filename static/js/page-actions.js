// Buttons that ask the browser for something (print, full screen), wired here: an onclick
// attribute is inline code, which the Content-Security-Policy blocks.

for (const button of document.querySelectorAll("button[data-print]")) {
  button.addEventListener("click", () => window.print());
}

for (const button of document.querySelectorAll("button[data-fullscreen]")) {
  button.addEventListener("click", () => {
    document.getElementById(button.dataset.fullscreen)?.requestFullscreen();
  });
}
