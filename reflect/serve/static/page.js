// Put the keyboard in the terminal once the app has drawn its first screen, so the first key
// pressed reaches reflect without a click. The terminal script tells the app about focus only
// over an open connection, and the app fills its footer of keys once it hears it has focus:
// so focus (again) when the first screen arrives (the script marks it with -first-byte).
window.addEventListener("load", () => {
  const focus = () => {
    const keys = document.querySelector(".xterm-helper-textarea");
    if (!keys) return;
    keys.blur();
    keys.focus();
  };
  new MutationObserver((changes, observer) => {
    if (document.body.classList.contains("-first-byte")) {
      observer.disconnect();
      focus();
    }
  }).observe(document.body, { attributes: true, attributeFilter: ["class"] });
});

// F1-F6 are reflect's help and area keys. A browser takes some for itself (F5 reloads the page,
// F1 opens its help): keep its default action away from them; the terminal still gets the key.
window.addEventListener("keydown", (event) => {
  if (/^F([1-9]|1[0-2])$/.test(event.key)) event.preventDefault();
}, true);
