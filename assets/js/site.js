// Signpost enhancements. Every page works without this file: the exit
// links are real links and nothing here is needed to read a page.
(function () {
  "use strict";
  var d = document;

  // Exit this page: a click, or Shift pressed 3 times within 5 seconds,
  // hides the page at once and replaces it in the history, so Back does
  // not return here.
  // The skip link to the button (href="#…") leaves at once too.
  var exits = d.querySelectorAll("[data-exit]");
  var button = d.querySelector(".exit-button");
  var status = d.querySelector("[data-exit-status]");
  var hint = d.querySelector(".exit-hint");
  function say(text) {
    if (status) status.textContent = text;
  }
  // word is a sentence the page gives in its language (data-NAME on el),
  // or the English one.
  function word(el, name, english) {
    return (el && el.getAttribute("data-" + name)) || english;
  }
  function leave(url) {
    d.body.hidden = true;
    d.title = word(status, "loading", "Loading");
    location.replace(url);
  }
  // pressMore announces the presses left, in the plural form the page's
  // language uses for that number.
  function pressMore(left) {
    var other = word(status, "other", "");
    if (!other || !window.Intl || !Intl.PluralRules) {
      return "Shift, press " + left + " more " + (left === 1 ? "time" : "times") + " to exit this page.";
    }
    var form = new Intl.PluralRules(d.documentElement.lang).select(left);
    return word(status, form, other).replace("{n}", left);
  }
  if (button) {
    var url = button.href;
    var presses = [];
    var timer;
    if (hint) hint.hidden = false;
    exits.forEach(function (a) {
      a.addEventListener("click", function (e) {
        e.preventDefault();
        leave(url);
      });
    });
    d.addEventListener("keydown", function (e) {
      if (e.key !== "Shift" || e.repeat) return;
      var now = Date.now();
      presses = presses.filter(function (t) {
        return now - t < 5000;
      });
      presses.push(now);
      clearTimeout(timer);
      if (presses.length >= 3) {
        say(word(status, "leaving", "Leaving this page"));
        leave(url);
        return;
      }
      var left = 3 - presses.length;
      say(pressMore(left));
      timer = setTimeout(function () {
        presses = [];
        say("");
      }, 5000);
    });
  }

  // A printed page is read away from the site: give links within it their
  // full address for the print styles to show (see site.css).
  d.querySelectorAll('main a[href^="/"]').forEach(function (a) {
    a.setAttribute("data-url", a.href);
  });

  // Print every answer, not only the open ones.
  var closed = [];
  addEventListener("beforeprint", function () {
    closed = [].filter.call(d.querySelectorAll("details:not([open])"), function (el) {
      el.open = true;
      return true;
    });
  });
  addEventListener("afterprint", function () {
    closed.forEach(function (el) {
      el.open = false;
    });
    closed = [];
  });

  // Print this page: a real button, shown only when it can work; the
  // print styles do the rest.
  var printer = d.querySelector("[data-print]");
  if (printer && window.print) {
    printer.hidden = false;
    printer.querySelector("button").addEventListener("click", function () {
      window.print();
    });
  }

  // Copy link: shown only where the browser can copy.
  var share = d.querySelector("[data-copy]");
  if (share && navigator.clipboard && window.isSecureContext) {
    var out = share.querySelector(".share-status");
    var canonical = d.querySelector('link[rel="canonical"]');
    share.hidden = false;
    share.querySelector("button").addEventListener("click", function () {
      navigator.clipboard.writeText(canonical ? canonical.href : location.href).then(
        function () {
          out.textContent = word(out, "copied", "Link copied");
        },
        function () {
          out.textContent = word(out, "failed", "Could not copy. Copy the address from the address bar instead.");
        }
      );
    });
  }
})();
