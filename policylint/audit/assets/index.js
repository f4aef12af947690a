// The summary page's table: sort by a click on a header, filter by text, severity and
// status. The table is complete without this script; it only hides and reorders rows.
(function () {
  "use strict";
  const table = document.getElementById("sites");
  const controls = document.getElementById("controls");
  if (!table || !controls) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const texts = rows.map((row) => row.textContent.toLowerCase());
  const query = document.getElementById("filter-text");
  const severity = document.getElementById("filter-severity");
  const status = document.getElementById("filter-status");
  const counter = document.getElementById("shown");
  const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
  controls.hidden = false;

  function matchesStatus(row) {
    const wanted = status.value;
    if (!wanted) return true;
    if (wanted === "changed") return row.dataset.changed === "1";
    return row.dataset.status === wanted;
  }

  function applyFilter() {
    const needle = query.value.trim().toLowerCase();
    const wantedSeverity = severity.value;
    let shown = 0;
    rows.forEach((row, index) => {
      const visible = (!needle || texts[index].includes(needle))
        && (!wantedSeverity || row.dataset.severities.split(" ").includes(wantedSeverity))
        && matchesStatus(row);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    counter.textContent = counter.dataset.template
      .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
  }

  function sortKey(row, column, numeric) {
    const cell = row.cells[column];
    const value = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    return numeric ? Number(value) : value;
  }

  function sortBy(header, column) {
    const numeric = header.dataset.type === "number";
    const current = header.getAttribute("aria-sort");
    // Numbers start with the largest (the worst sites first), text from A.
    const descending = current ? current === "ascending" : numeric;
    for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    const keys = rows.map((row) => sortKey(row, column, numeric));
    const order = rows.map((row, index) => index).sort((a, b) => {
      const byKey = numeric ? keys[a] - keys[b] : collator.compare(keys[a], keys[b]);
      return (descending ? -byKey : byKey) || a - b;
    });
    const fragment = document.createDocumentFragment();
    for (const index of order) fragment.appendChild(rows[index]);
    body.appendChild(fragment);
  }

  Array.from(table.tHead.rows[0].cells).forEach((header, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.append(...header.childNodes);
    header.appendChild(button);
    button.addEventListener("click", () => sortBy(header, column));
  });
  query.addEventListener("input", applyFilter);
  severity.addEventListener("change", applyFilter);
  status.addEventListener("change", applyFilter);
  applyFilter();
})();
