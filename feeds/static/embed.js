/*
 * feeds embed: paste
 *   <script src="https://EXAMPLE/embed.js" data-category="fair" data-view="list"></script>
 * and an iframe with the events appears where the script is, its height kept fitted to the content.
 * Options (all optional): data-category, data-q, data-location, data-from, data-to,
 * data-view (list | month), data-lang (zh | en), data-theme (light | dark), data-accent (#rrggbb),
 * data-title (the iframe's accessible name).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var source = new URL(script.src, document.baseURI);
  var origin = source.origin;
  var options = ["category", "q", "location", "from", "to", "view", "lang", "theme", "accent"];
  var params = new URLSearchParams();
  options.forEach(function (name) {
    var value = script.getAttribute("data-" + name);
    if (value) params.set(name, value);
  });
  var frameId = "feeds-" + Math.random().toString(36).slice(2, 10);
  params.set("frame", frameId);

  var iframe = document.createElement("iframe");
  // The frame beside the script: a site (or a static export) under a sub-path keeps its embed there too.
  iframe.src = new URL("embed?" + params.toString(), source).href;
  var ownTitle = script.getAttribute("data-title");
  iframe.title = ownTitle || (params.get("lang") === "en" ? "Events calendar" : "活动日历");
  iframe.className = "feeds-embed";
  iframe.style.display = "block";
  iframe.style.width = "100%";
  iframe.style.maxWidth = "100%";
  iframe.style.border = "0";
  iframe.style.height = "150px";
  script.parentNode.insertBefore(iframe, script.nextSibling);

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== "feeds:height" || data.frame !== frameId) return;
    var height = Math.ceil(Number(data.height));
    if (height > 0 && height < 100000) iframe.style.height = height + "px";
    // The frame knows the language it answered in (data-lang or the visitor's browser): name it so.
    if (!ownTitle && typeof data.title === "string" && data.title && data.title.length < 200) iframe.title = data.title;
  });
})();
