#ifndef PAPERSIFT_CLIBXML2_SHIM_H
#define PAPERSIFT_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes the system's
 * <unicode/ucnv.h>. Those ICU headers clash with the ICU that Foundation bundles
 * (_FoundationICU: "enum UErrorCode ... is not present in definition") as soon as one Swift module
 * imports both. papersift never touches libxml2's ICU converter fields (encoding handlers are
 * only used through pointers), so the ICU part of the headers is switched off here. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void papersift_xml_free(void *p) { xmlFree(p); }
#endif
