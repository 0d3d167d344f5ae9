/*
 * The interactive calendar: FullCalendar 6 (vendored under static/vendor/fullcalendar) reading
 * /api/events with the page's filters. Times stay in Beijing time: the API gives them with +08:00,
 * and a named time zone without a plugin keeps the wall-clock time it was given.
 * Without JavaScript the page links to the server-rendered month instead.
 */
(function () {
  "use strict";
  var el = document.getElementById("fc");
  if (!el || !window.FullCalendar) return;
  function unlabel(arg) {
    arg.el.querySelectorAll("a[aria-label]:not([href]):not([role])").forEach(function (a) {
      a.removeAttribute("aria-label");
    });
  }
  var calendar = new FullCalendar.Calendar(el, {
    initialView: "dayGridMonth",
    initialDate: el.getAttribute("data-initial") || undefined,
    locale: el.getAttribute("data-locale") || "zh-cn",
    firstDay: 1,
    timeZone: "Asia/Shanghai",
    height: "auto",
    dayMaxEvents: 4,
    headerToolbar: { left: "prev,next today", center: "title", right: "dayGridMonth,listMonth" },
    buttonIcons: false,  // the arrow icons are a data: font, which the CSP (default-src 'self') refuses
    events: { url: el.getAttribute("data-events") },
    loading: function (busy) { el.setAttribute("aria-busy", busy ? "true" : "false"); },
    // FullCalendar names its day numbers and weekday headers with aria-label on <a> elements without
    // href: those are generic elements, where ARIA prohibits a label; their text already says the day.
    dayCellDidMount: unlabel,
    dayHeaderDidMount: unlabel
  });
  calendar.render();
  document.documentElement.classList.add("fc-ready");
})();
