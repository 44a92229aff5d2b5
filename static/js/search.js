// Live results for the signatory directory: as the reader types, fetch the same page with the
// form's query string and swap in its #directory-results. Without JavaScript the form submits
// as usual; if a fetch fails, the form is submitted the ordinary way.
(function () {
  "use strict";

  var DELAY_MS = 250;
  var form = document.getElementById("directory-search");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }

  var timer = null;
  var controller = null;
  var lastUrl = null;

  function queryUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      // A new query starts again at page 1; empty fields would only clutter the address.
      if (name !== "page" && typeof value === "string" && value.trim() !== "") {
        params.append(name, value);
      }
    });
    var action = form.getAttribute("action") || window.location.pathname;
    var query = params.toString();
    return action + (query ? "?" + query : "");
  }

  function update() {
    var url = queryUrl();
    if (url === lastUrl) {
      return;
    }
    lastUrl = url;
    if (controller) {
      controller.abort();
    }
    controller = window.AbortController ? new AbortController() : null;
    var results = document.getElementById("directory-results");
    if (results) {
      results.setAttribute("aria-busy", "true");
    }
    fetch(url, {
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("directory-results");
        var current = document.getElementById("directory-results");
        if (!fresh || !current) {
          throw new Error("no #directory-results in the response");
        }
        current.replaceWith(document.importNode(fresh, true));
        if (page.title) {
          document.title = page.title;
        }
        window.history.replaceState(null, "", url);
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") {
          return;
        }
        lastUrl = null;
        form.submit();
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, DELAY_MS);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    update();
  });
})();
