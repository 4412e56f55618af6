// Sort and filter the tables marked "fbs-sortable" (the topics index). No library, no network.
(function () {
  "use strict";

  function cellText(row, index) {
    return row.cells[index].textContent.trim().toLowerCase();
  }

  function addFilter(table, body) {
    const box = document.createElement("input");
    box.type = "search";
    box.placeholder = "Filter: topic, app, package, words of the description…";
    box.className = "fbs-filter";
    box.setAttribute("aria-label", "Filter the table");
    const count = document.createElement("span");
    count.className = "fbs-filter-count";
    count.setAttribute("aria-live", "polite");
    const bar = document.createElement("div");
    bar.className = "fbs-filter-bar";
    bar.append(box, count);
    (table.closest(".table-wrapper") || table).before(bar);
    box.addEventListener("input", function () {
      const words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const row of body.rows) {
        const text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (word) { return text.includes(word); });
        if (!row.hidden) shown += 1;
      }
      count.textContent = words.length ? shown + " of " + body.rows.length : "";
    });
  }

  function addSorting(table, body) {
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach(function (th, index) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "fbs-sort";
      button.append(...th.childNodes);
      th.append(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const rows = Array.from(body.rows);
        rows.sort(function (a, b) {
          const order = cellText(a, index).localeCompare(cellText(b, index), undefined, { numeric: true });
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.fbs-sortable").forEach(function (table) {
      const body = table.tBodies[0];
      if (!body || !table.tHead) return;
      addFilter(table, body);
      addSorting(table, body);
    });
  });
})();
