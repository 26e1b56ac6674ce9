// libxml2 for the exporters. Debian's headers pull in ICU, whose types clash
// with Foundation's in a clean build ('UErrorCode' has different definitions);
// PolicyGraph needs no ICU from libxml2.
#ifndef POLICYGRAPH_CLIBXML2_SHIM_H
#define POLICYGRAPH_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/parser.h>
#endif
