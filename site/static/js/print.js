/* Print views: buttons marked data-print open the browser's print dialogue (no inline script:
   the site's Content-Security-Policy allows scripts from the site only). */
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
