// A story's chapter list: each button moves the video to its chapter and plays it from there.
const video = document.getElementById("story-video");
for (const button of document.querySelectorAll(".video-chapters [data-seek]")) {
  button.addEventListener("click", () => {
    if (!video) return;
    video.currentTime = Number(button.dataset.seek);
    video.focus();
    video.play().catch(() => {});
  });
}
