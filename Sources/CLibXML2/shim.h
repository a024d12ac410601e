// libxml2's HTML parser and tree API, for converting fetched pages to Markdown (AviaryKnowledge).
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
