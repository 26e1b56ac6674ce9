# make install [PREFIX=/usr/local]: the policygraph binary in PREFIX/bin and its
# ontology bundle in PREFIX/share/policygraph, where the binary looks for it.
PREFIX ?= /usr/local
BUNDLE = PolicyGraph_PolicyGraphOntology.resources

.PHONY: build install uninstall test

build:
	swift build -c release --product policygraph

install: build
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/policygraph"
	install -m 755 "$$(swift build -c release --show-bin-path)/policygraph" "$(PREFIX)/bin/policygraph"
	rm -rf "$(PREFIX)/share/policygraph/$(BUNDLE)"
	cp -R "$$(swift build -c release --show-bin-path)/$(BUNDLE)" "$(PREFIX)/share/policygraph/$(BUNDLE)"

uninstall:
	rm -f "$(PREFIX)/bin/policygraph"
	rm -rf "$(PREFIX)/share/policygraph"

test:
	swift test
