/*
 * Inside the feeds embed: tell the page that framed us how tall the content is, whenever it changes,
 * so embed.js can size the iframe without scrollbars. The height is not secret: any origin may hear it.
 */
(function () {
  "use strict";
  if (window.parent === window) {
    // Opened by itself the embed is the page, and its content the page's main part; in a frame it is not,
    // since the host page has a main landmark of its own.
    var root = document.querySelector(".embed-root");
    if (root) root.setAttribute("role", "main");
    return;
  }
  // A static export's page cannot write the frame's id in: it is in the address the host gave the iframe.
  var frameId = document.documentElement.getAttribute("data-frame") ||
    new URLSearchParams(window.location.search).get("frame") || "";
  var last = -1;
  function post() {
    var body = document.body;
    var style = window.getComputedStyle(body);
    var height = Math.ceil(body.getBoundingClientRect().height +
      parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    if (height === last) return;
    last = height;
    // The title goes along: the host's iframe is named in the language the embed chose.
    window.parent.postMessage({ type: "feeds:height", frame: frameId, height: height, title: document.title }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(post).observe(document.body);
  window.addEventListener("load", post);
  document.addEventListener("toggle", post, true);
  post();
})();
