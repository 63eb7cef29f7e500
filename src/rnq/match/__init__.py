"""How checks read text: folding, and the questions asked of one document.

This room imports nothing else from rnq: extraction workers load it to answer the checks'
questions while they hold a document's text.
"""
