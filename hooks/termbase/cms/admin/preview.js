/* The preview beside the editors' form: a term as its page shows it (overrides/markdown/
   term.md): the name, the definition as the lead, the aliases, the explanation and the
   FAQ rendered from Markdown, in the site's own stylesheets. */
(function () {
  "use strict";
  var styles = JSON.parse(document.getElementById("glossary-preview-styles").textContent);
  styles.forEach(function (href) { CMS.registerPreviewStyle(href); });

  var TermPreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var widgetsFor = this.props.widgetsFor;
      var aliases = (entry.getIn(["data", "aliases"]) || []).filter(Boolean);
      aliases = aliases.toJS ? aliases.toJS() : aliases;
      var faq = [];
      var questions = entry.getIn(["data", "faq"]);
      var items = questions && questions.size ? widgetsFor("faq") : null;
      if (items && items.forEach) {
        items.forEach(function (item, index) {
          if (item && item.getIn) {
            faq.push(h("div", { key: index },
              h("h3", {}, item.getIn(["data", "question"]) || ""),
              item.getIn(["widgets", "answer"])));
          }
        });
      }
      return h("div", { className: "md-container" },
        h("main", { className: "md-main" },
          h("div", { className: "md-content" },
            h("article", { className: "md-content__inner md-typeset" },
              h("h1", {}, entry.getIn(["data", "term"]) || ""),
              h("p", { className: "glossary-lead" }, entry.getIn(["data", "short_definition"]) || ""),
              aliases.length
                ? h("p", { className: "glossary-aliases" }, h("em", {}, "Also known as:"), " " + aliases.join(", "))
                : null,
              this.props.widgetFor("explanation"),
              faq.length ? h("h2", { id: "faq" }, "Frequently asked questions") : null,
              faq))));
    }
  });
  CMS.registerPreviewTemplate("terms", TermPreview);
})();
