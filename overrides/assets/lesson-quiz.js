/* Lesson quizzes that score, and progress kept in this browser only (localStorage).
   Without this script the questions are still readable and each answer sits behind a
   disclosure; with it, a reader picks a choice (or several, then "Check"), sees whether it
   was right and why, and gets a score at the end. Course pages and lesson cards show which
   lessons are done and the best score of each. Clearing the site's storage resets it all. */
(function () {
  "use strict";
  var KEY = "termbase-progress";

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(progress) {
    try { localStorage.setItem(KEY, JSON.stringify(progress)); } catch (e) { /* private mode */ }
  }
  function pathOf(href) {
    var path = new URL(href, location.href).pathname;
    return path.endsWith("/") ? path : path.replace(/index\.html$/, "");
  }
  function record(path, score, total) {
    var progress = load();
    var before = progress[path] || {};
    progress[path] = {
      done: true,
      total: total,
      best: Math.max(before.best || 0, score),
      last: score,
    };
    save(progress);
    return progress[path];
  }
  function describe(entry) {
    if (!entry || !entry.done) return "";
    return entry.total ? "Done · best " + entry.best + " of " + entry.total : "Done";
  }

  function showProgress() {
    var progress = load();
    var done = 0, cards = document.querySelectorAll(".lesson-card[data-lesson-path]");
    cards.forEach(function (card) {
      var entry = progress[pathOf(card.dataset.lessonPath)];
      var slot = card.querySelector(".lesson-card__progress");
      if (slot) slot.textContent = entry && entry.done ? " · " + describe(entry) : "";
      card.classList.toggle("lesson-card--done", !!(entry && entry.done));
      if (entry && entry.done) done += 1;
    });
    var summary = document.querySelector(".lesson-course-progress");
    if (summary && cards.length) {
      summary.textContent = done + " of " + cards.length + " lessons done in this browser.";
    }
    var place = document.querySelector(".lesson-place[data-lesson-path]");
    if (place) {
      var mine = progress[pathOf(place.dataset.lessonPath)];
      var badge = place.querySelector(".lesson-done-badge");
      if (badge) {
        badge.hidden = !(mine && mine.done);
        badge.textContent = mine && mine.done ? " · " + describe(mine) : "";
      }
    }
  }

  function setUp(quiz) {
    var path = pathOf(quiz.dataset.lessonPath);
    var questions = Array.prototype.slice.call(quiz.querySelectorAll(".lesson-question"));
    var score = quiz.querySelector(".lesson-quiz__score");
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "md-button lesson-quiz__retry";
    retry.textContent = "Try the quiz again";
    retry.hidden = true;
    quiz.appendChild(retry);

    questions.forEach(function (question) {
      var right = question.dataset.answers.split(",").map(Number);
      var inputs = Array.prototype.slice.call(question.querySelectorAll("input"));
      var answer = question.querySelector(".lesson-question__answer");
      answer.hidden = true; // shown once answered; without this script it stays a disclosure
      var check = document.createElement("button");
      check.type = "button";
      check.className = "md-button lesson-question__check";
      check.textContent = "Check";
      question.insertBefore(check, question.querySelector(".lesson-question__result"));

      function mark() {
        var picked = inputs.filter(function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
        if (!picked.length) {
          question.querySelector(".lesson-question__result").textContent = "Pick an answer first.";
          return;
        }
        var correct = picked.length === right.length && picked.every(function (p) { return right.indexOf(p) >= 0; });
        question.dataset.result = correct ? "right" : "wrong";
        question.querySelector(".lesson-question__result").textContent = correct ? "Right." : "Not quite.";
        inputs.forEach(function (i) {
          i.disabled = true;
          i.closest("li").classList.toggle("lesson-choice--right", right.indexOf(Number(i.value)) >= 0);
        });
        check.hidden = true;
        answer.hidden = false;
        answer.open = true;
        finish();
      }
      check.addEventListener("click", mark);
    });

    function finish() {
      var answered = questions.filter(function (q) { return q.dataset.result; });
      if (answered.length < questions.length) return;
      var right = answered.filter(function (q) { return q.dataset.result === "right"; }).length;
      var entry = record(path, right, questions.length);
      score.textContent = "You scored " + right + " of " + questions.length +
        ". Your best: " + entry.best + " of " + questions.length + ".";
      retry.hidden = false;
      showProgress();
    }

    retry.addEventListener("click", function () {
      questions.forEach(function (q) {
        delete q.dataset.result;
        q.querySelectorAll("input").forEach(function (i) {
          i.checked = false; i.disabled = false;
          i.closest("li").classList.remove("lesson-choice--right");
        });
        q.querySelector(".lesson-question__result").textContent = "";
        q.querySelector(".lesson-question__check").hidden = false;
        var answer = q.querySelector(".lesson-question__answer");
        answer.open = false; answer.hidden = true;
      });
      score.textContent = "";
      retry.hidden = true;
      questions[0].querySelector("input").focus();
    });
  }

  function start() {
    document.querySelectorAll(".lesson-quiz").forEach(setUp);
    showProgress();
  }
  // Material's instant loading swaps pages without a reload; document$ says when.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
