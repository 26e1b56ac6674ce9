#!/usr/bin/env python3
"""Reads the PolicyGraph store with pandas (the recipe of docs/store.md).

Usage: python3 scripts/store-pandas.py [STORE]   (default Outputs/policygraph.sqlite)

Prints, per company, its earliest promised year and its number of targets, and
the company targets of the store as CSV. Needs pandas (pip install pandas).
"""
import sqlite3
import sys

import pandas as pd

store = sys.argv[1] if len(sys.argv) > 1 else "Outputs/policygraph.sqlite"
# Read-only: the store is never changed by a reader.
con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
targets = pd.read_sql_query(
    """
    SELECT n.id AS company_id, n.label AS company, t.id AS target_id, t.relation, t.year, t.month,
           t.action, t.topic, t.value, t.modality, d.id AS document, d.published
    FROM targets t
    JOIN nodes n ON n.id = t.subject_id
    JOIN edges e ON e.target_id = t.id AND e.type = 'holds_target'
    JOIN edge_sources s ON s.edge_id = e.id
    JOIN documents d ON d.id = s.document_id
    WHERE t.subject_kind = 'company'
    """,
    con,
)
promises = targets[targets.modality == "promise"]
summary = (promises.groupby("company")
           .agg(earliest=("year", "min"), targets=("target_id", "nunique"))
           .sort_values(["earliest", "company"]))
print(summary.to_string())
con.close()
