"""The load stage: term files -> located YAML values -> schema -> the model, with rules."""
