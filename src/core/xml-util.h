/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Safe libxml2 reading shared by the catalog and lab loaders: no network, no entities, line-numbered errors. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Parses @data without network access, DTD loading or entity expansion.
 * A document with a DOCTYPE is refused: lab files never need one, and
 * refusing it closes the door on entity tricks. */
xmlDoc     *cord_xml_read            (const char  *data,
                                      gsize        len,
                                      const char  *filename,
                                      GError     **error);

/* Sets @error to "FILE:LINE: MESSAGE" in CORD_ERROR with @code. */
void        cord_xml_set_error       (GError     **error,
                                      int          code,
                                      const char  *filename,
                                      const xmlNode *node,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (5, 6);

gboolean    cord_xml_is              (const xmlNode *node,
                                      const char    *name);
/* The first child element, or the next sibling element, skipping text,
 * comments and whitespace; NULL when there is none. */
xmlNode    *cord_xml_first_element   (xmlNode       *parent);
xmlNode    *cord_xml_next_element    (xmlNode       *node);
/* Fails when non-blank text or an entity sits between @parent's child
 * elements, which neither the catalog nor a lab file ever has. */
gboolean    cord_xml_check_children  (xmlNode       *parent,
                                      const char    *filename,
                                      GError       **error);
/* Fails unless every attribute of @node is named in @allowed (NULL-ended). */
gboolean    cord_xml_check_attrs     (const xmlNode *node,
                                      const char * const *allowed,
                                      const char    *filename,
                                      GError       **error);
/* The attribute's value, or NULL when absent; the caller frees it. */
char       *cord_xml_get             (const xmlNode *node,
                                      const char    *name);
/* As cord_xml_get, but absence is an error naming the attribute. */
char       *cord_xml_require         (const xmlNode *node,
                                      const char    *name,
                                      const char    *filename,
                                      GError       **error);
gboolean    cord_xml_get_uint        (const xmlNode *node,
                                      const char    *name,
                                      guint          max,
                                      guint         *out,
                                      const char    *filename,
                                      GError       **error);
gboolean    cord_xml_get_bool        (const xmlNode *node,
                                      const char    *name,
                                      gboolean       fallback,
                                      gboolean      *out,
                                      const char    *filename,
                                      GError       **error);
/* The element's text content; "" when it has none. */
char       *cord_xml_text            (const xmlNode *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
