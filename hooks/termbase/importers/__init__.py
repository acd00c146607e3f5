"""`glossary import`: glossaries written for other tools (Sphinx, a spreadsheet, MkDocs
abbreviations, Hugo) read into entries, then written as term files by `writer`."""
