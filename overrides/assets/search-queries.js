/* Material's search sends the query to its worker at every key press. A query that ends in
   a word separator, such as "mesa-" halfway through typing "mesa-optimizer", or a question
   typed with its "?", reaches lunr as a wildcard that matches every word in the index: at
   10,000 terms the worker then spent 24 s on it, and answered no later key press meanwhile.
   Material has no setting for this, so this script wraps the worker Material makes (it runs
   from the page head, before Material's bundle) and asks "mesa-" as "mesa". The separators
   are those of the site's search index (mkdocs.yml, plugins: search: separator). */
(function () {
  "use strict";
  var NativeWorker = window.Worker;
  if (typeof NativeWorker !== "function") return;

  var SETUP = 0, QUERY = 2; // Material's message types (SearchMessageType)

  function withoutTrailingSeparators(query, separatorAtEnd) {
    var shorter = query.replace(separatorAtEnd, "");
    while (shorter.length < query.length) {
      query = shorter;
      shorter = query.replace(separatorAtEnd, "");
    }
    return query;
  }

  // Material asks for the last word as a prefix ("overoptimization*"), and lunr does not
  // stem a prefix, so a whole last word that the index holds stemmed ("overoptim") matched
  // nothing: "Reward model overoptimization" found "Reward modeling" first. The last word is
  // asked for once more as a whole word, which lunr stems.
  function withWholeLastWord(query) {
    var match = /(?:^|\s)([A-Za-z]{4,})$/.exec(query);
    return match ? query.slice(0, match.index) + (match.index ? " " : "") + match[1] + " " + match[1] : query;
  }

  function SearchWorker(url, options) {
    var worker = new NativeWorker(url, options);
    var post = worker.postMessage;
    var separatorAtEnd = null;
    worker.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === SETUP && message.data && message.data.config) {
        try {
          separatorAtEnd = new RegExp("(?:" + message.data.config.separator + ")$");
        } catch (error) {
          separatorAtEnd = null;
        }
      } else if (message && message.type === QUERY && typeof message.data === "string" && separatorAtEnd) {
        args[0] = Object.assign({}, message, {
          data: withWholeLastWord(withoutTrailingSeparators(message.data, separatorAtEnd))
        });
      }
      return post.apply(worker, args);
    };
    return worker;
  }
  SearchWorker.prototype = NativeWorker.prototype;
  window.Worker = SearchWorker;
})();
