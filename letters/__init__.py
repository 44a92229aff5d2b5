"""The letter and its copies: `Letter` and `SourceVersion` (imported facts, written only by the
importer), the collation of the copies' texts into a reference text (`collation`, `reference`) and
the short labels readers see for each copy (`labels`). The lowest app: it imports no other."""
