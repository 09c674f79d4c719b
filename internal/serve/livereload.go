package serve

// liveReloadJS is the script pubgen serve adds to every page (never to
// build output). It listens for the server's events: a reload when this
// page or a shared asset changed, and an overlay with the build error while
// the last build failed, under a heading in the build's language. The error
// is shown with textContent: it holds the author's text and must not be
// parsed as HTML.
const liveReloadJS = `(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../", script.src);
  var overlay = null;
  function current() {
    var p = decodeURIComponent(location.pathname.slice(decodeURIComponent(root.pathname).length));
    if (p === "" || p.slice(-1) === "/") p += "index.html";
    return p;
  }
  function affects(changed) {
    var me = current();
    for (var i = 0; i < changed.length; i++) {
      var c = changed[i];
      if (c === me || /\.(css|js)$/.test(c) && c.indexOf("search/") !== 0) return true;
    }
    return false;
  }
  function show(heading, msg) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "pubgen-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(30,0,0,.92);color:#fff;padding:24px;overflow:auto;font:14px/1.6 monospace";
      var h = document.createElement("h2");
      h.textContent = heading;
      h.style.cssText = "margin:0 0 12px;font:bold 18px sans-serif;color:#ffb4b4";
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:0";
      overlay.appendChild(h);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.firstChild.textContent = heading;
    overlay.lastChild.textContent = msg;
  }
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  var es = new EventSource(new URL("events", script.src));
  es.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (affects(d.changed || [])) location.reload();
  });
  es.addEventListener("failed", function (e) {
    var d = JSON.parse(e.data);
    show(d.heading || "构建失败", d.message);
  });
  es.addEventListener("ok", hide);
})();
`
