// The reply templates on a moderator's contribution page: choosing one fills the public answer
// in place, without a reload. Without this script the same button reloads the page with
// ?template=ID and the server fills the answer (decision 0030). Wired here, not inline: the
// Content-Security-Policy blocks inline code.

for (const form of document.querySelectorAll("form[data-reply-templates]")) {
  const answer = document.getElementById(form.dataset.replyTemplates);
  const select = form.querySelector("select[name=template]");
  const status = form.querySelector("[data-reply-templates-status]");
  if (!answer || !select) continue;
  form.addEventListener("submit", (event) => {
    const option = select.selectedOptions[0];
    if (!option) return;
    event.preventDefault();
    answer.value = option.dataset.body || "";
    answer.dispatchEvent(new Event("input", { bubbles: true }));
    if (status) status.textContent = status.dataset.filled || "";
    answer.focus();
  });
}
