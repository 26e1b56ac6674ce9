// libxml2 for the exporters and the input readers. Debian's headers pull in
// ICU, whose types clash with Foundation's in a clean build ('UErrorCode' has
// different definitions); PolicyGraph needs no ICU from libxml2.
#ifndef POLICYGRAPH_CLIBXML2_SHIM_H
#define POLICYGRAPH_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

// xmlFree is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void policygraph_xmlFree(void *pointer) { xmlFree(pointer); }
#endif
