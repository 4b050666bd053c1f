#ifndef PAPERSIFT_CLIBXML2_SHIM_H
#define PAPERSIFT_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void papersift_xml_free(void *p) { xmlFree(p); }
#endif
