// A document page: a click on a highlighted passage (or focus on it from the keyboard)
// shows the explanations of every finding covering it in the side panel. The findings'
// explanations are already on the page (the list under the text); this copies them.
(function () {
  "use strict";
  const text = document.getElementById("text");
  const panel = document.getElementById("panel");
  const panelList = document.getElementById("panel-list");
  if (!text || !panel || !panelList) return;
  const marksOf = new Map();
  for (const mark of text.querySelectorAll("mark[data-f]")) {
    for (const id of mark.dataset.f.split(" ")) {
      if (!marksOf.has(id)) marksOf.set(id, []);
      marksOf.get(id).push(mark);
    }
  }
  let lit = [];
  panel.hidden = false;

  function explanation(id) {
    const item = document.getElementById("d-" + id);
    if (!item) return null;
    const copy = item.cloneNode(true);
    copy.removeAttribute("id");
    for (const element of copy.querySelectorAll("[id]")) element.removeAttribute("id");
    return copy;
  }

  function show(ids) {
    for (const mark of lit) mark.classList.remove("active");
    lit = ids.flatMap((id) => marksOf.get(id) || []);
    for (const mark of lit) mark.classList.add("active");
    panelList.replaceChildren(...ids.map(explanation).filter(Boolean));
    panel.dataset.showing = ids.join(" ");
  }

  function showMark(event) {
    const mark = event.target.closest("mark[data-f]");
    if (mark) show(mark.dataset.f.split(" "));
    return mark;
  }

  text.addEventListener("click", showMark);
  text.addEventListener("focusin", showMark);
  text.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && showMark(event)) event.preventDefault();
  });

  // A link from the list of findings ("#m-3") opens that finding's explanation.
  function showTarget() {
    const id = location.hash.startsWith("#m-") ? location.hash.slice(3) : "";
    if (!marksOf.has(id)) return;
    marksOf.get(id)[0].focus({ preventScroll: true });
    show([id]);
  }
  window.addEventListener("hashchange", showTarget);
  showTarget();
})();
