#ifndef TMKIT_CLIBXML2_SHIM_H
#define TMKIT_CLIBXML2_SHIM_H

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
