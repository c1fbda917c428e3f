"""Classification: rank rulings as possible paid-sex-with-a-minor cases for a reviewer to decide.

features.py   what the model reads of a ruling (words, extractor findings, word groups)
weak.py       weak labels from the rulings themselves (248b conviction +, trafficker/unpaid/other -)
model.py      the scikit-learn pipeline, its reasons, saving and loading (refit when needed)
train.py      examples from the store and the shipped sample, fitting, cross-validation
evaluate.py   precision, recall and the review load for recall 0.95
score.py      choosing the model and scoring a store
candidates.py scored rulings with articles, ages, flags and evidence for the reviewer
review.py     the one-key review loop
sample.py     the bundled sample's catalogues and rankings (bench and tests)
default/      the shipped default model (see its README.md)
"""
