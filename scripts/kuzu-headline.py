#!/usr/bin/env python3
"""Loads PolicyGraph's nodes.csv and edges.csv (Neo4j bulk-import headers) into
Kùzu and answers the headline question: which companies promise solid-state
batteries (固态电池, narrower technologies included) by a year.

usage: kuzu-headline.py OUTPUTS_DIR [TOPIC] [YEAR]     (needs: pip install kuzu)
Prints one company name a line, sorted.
"""
import os
import shutil
import sys
import tempfile

import kuzu


def main(argv):
    folder = argv[1] if len(argv) > 1 else "Outputs"
    topic = argv[2] if len(argv) > 2 else "固态电池"
    year = int(argv[3]) if len(argv) > 3 else 2027
    work = tempfile.mkdtemp(prefix="policygraph-kuzu-")
    try:
        db = kuzu.Database(os.path.join(work, "db"))
        conn = kuzu.Connection(db)
        # One node table and one relationship table; columns in the CSV files' order.
        conn.execute("CREATE NODE TABLE Node(id STRING, label STRING, name STRING, aliases STRING, ontology_id STRING, "
                     "parent STRING, first_seen STRING, last_seen STRING, documents STRING, relation STRING, year INT64, "
                     "month INT64, end_year INT64, action STRING, topic STRING, value STRING, modality STRING, PRIMARY KEY(id))")
        conn.execute("CREATE REL TABLE Edge(FROM Node TO Node, type STRING, weight INT64, documents STRING)")
        conn.execute(f"COPY Node FROM '{os.path.join(folder, 'nodes.csv')}' (HEADER=true)")
        conn.execute(f"COPY Edge FROM '{os.path.join(folder, 'edges.csv')}' (HEADER=true)")
        # The technology and every narrower one (part_of edges point narrower → broader).
        technologies = {topic}
        frontier = [topic]
        while frontier:
            name = frontier.pop()
            result = conn.execute("MATCH (n:Node)-[e:Edge]->(b:Node) WHERE e.type = 'PART_OF' AND n.label = 'Technology' "
                                  "AND b.name = $name RETURN n.name", {"name": name})
            while result.has_next():
                narrower = result.get_next()[0]
                if narrower not in technologies:
                    technologies.add(narrower)
                    frontier.append(narrower)
        query = ("MATCH (c:Node)-[h:Edge]->(t:Node) WHERE h.type = 'HOLDS_TARGET' AND c.label = 'Company' "
                 "AND t.modality = 'promise' AND t.relation <> 'after' AND t.year <= $year "
                 "OPTIONAL MATCH (t)-[a:Edge]->(x:Node) WHERE a.type = 'ABOUT' "
                 "RETURN DISTINCT c.name, t.topic, x.name")
        result = conn.execute(query, {"year": year})
        companies = set()
        while result.has_next():
            company, target_topic, technology = result.get_next()
            if technology in technologies or (target_topic and topic in target_topic):
                companies.add(company)
        for company in sorted(companies):
            print(company)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
