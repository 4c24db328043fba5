#ifndef TMKIT_CLIBXML2_SHIM_H
#define TMKIT_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, and <libxml/encoding.h> then includes <unicode/ucnv.h>. Those ICU
 * declarations clash with Foundation's own copy of ICU (`'UErrorCode' has different definitions in different
 * modules`) in any module that imports both. tmkit never touches libxml2's encoding-handler internals (the only
 * struct whose layout depends on this: its two trailing ICU pointers), so the ICU part is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>

/// `xmlFree` is a global function pointer that Swift 6 cannot call directly.
static inline void tmkit_xmlFree(void *pointer) {
    if (pointer != NULL) {
        xmlFree(pointer);
    }
}

#endif
