// libxml2's HTML parser and tree API, for converting fetched pages to Markdown (AviaryKnowledge).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so <libxml/encoding.h> would include the system's ICU headers,
// which clash with the ICU that Foundation bundles. Aviary uses none of libxml2's ICU converters
// (it never touches xmlCharEncodingHandler's fields), so the ICU part of the headers is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
