/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Safe libxml2 reading shared by the catalog and lab loaders: no network, no entities, line-numbered errors. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "cord-error.h"
#include "xml-util.h"

typedef struct {
  gboolean saw_doctype;
  int      doctype_line;
} ReadGuard;

static void
guard_internal_subset (void          *user_data,
                       const xmlChar *name,
                       const xmlChar *external_id,
                       const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;
  ReadGuard *guard = ctxt->_private;

  g_assert (guard != NULL);
  guard->saw_doctype = TRUE;
  guard->doctype_line = ctxt->input ? ctxt->input->line : 0;
  /* Stop before any declaration in the subset is read. */
  xmlStopParser (ctxt);
}

/* libxml2 reports through a global callback by default; keep it quiet and
 * read the last error from the context instead. */
static void
silent_error (void *ctx, const char *msg, ...)
{
}

xmlDoc *
cord_xml_read (const char  *data,
               gsize        len,
               const char  *filename,
               GError     **error)
{
  ReadGuard guard = { FALSE, 0 };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (len > G_MAXINT)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("%s: the file is too large to read"), filename);
      return NULL;
    }
  if (len == 0)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_PARSE,
                   _("%s: the file is empty"), filename);
      return NULL;
    }

  xmlSetGenericErrorFunc (NULL, silent_error);
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_FAILED,
                   _("%s: out of memory while reading"), filename);
      return NULL;
    }
  ctxt->sax->internalSubset = guard_internal_subset;
  ctxt->_private = &guard;

  doc = xmlCtxtReadMemory (ctxt, data, (int) len, filename, NULL, options);

  if (guard.saw_doctype)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%s:%d: a DOCTYPE declaration is not allowed here; "
                     "remove it"), filename, guard.doctype_line);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *xerr = xmlCtxtGetLastError (ctxt);
      g_autofree char *msg = NULL;

      /* libxml2 sometimes adds a second line of raw bytes; the first
       * says what is wrong. */
      if (xerr != NULL && xerr->message != NULL)
        msg = g_strndup (xerr->message, strcspn (xerr->message, "\n"));
      else
        msg = g_strdup (_("the file is not well-formed XML"));
      g_set_error (error, CORD_ERROR, CORD_ERROR_PARSE, "%s:%d: %s",
                   filename, xerr != NULL ? xerr->line : 0, msg);
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  return doc;
}

void
cord_xml_set_error (GError        **error,
                    int             code,
                    const char     *filename,
                    const xmlNode  *node,
                    const char     *format,
                    ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CORD_ERROR, code, "%s:%ld: %s", filename,
               node != NULL ? xmlGetLineNo (node) : 0L, msg);
}

gboolean
cord_xml_is (const xmlNode *node,
             const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
skip_to_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

xmlNode *
cord_xml_first_element (xmlNode *parent)
{
  g_return_val_if_fail (parent != NULL, NULL);
  return skip_to_element (parent->children);
}

xmlNode *
cord_xml_next_element (xmlNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return skip_to_element (node->next);
}

static gboolean
is_blank (const xmlChar *text)
{
  for (; text != NULL && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
cord_xml_check_children (xmlNode     *parent,
                         const char  *filename,
                         GError     **error)
{
  g_return_val_if_fail (parent != NULL, FALSE);

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE || child->type == XML_COMMENT_NODE)
        continue;
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (!is_blank (child->content))
            {
              cord_xml_set_error (error, CORD_ERROR_INVALID, filename, child,
                                  _("unexpected text inside <%s>"),
                                  (const char *) parent->name);
              return FALSE;
            }
          continue;
        }
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, child,
                          child->type == XML_ENTITY_REF_NODE
                            ? _("entity references are not allowed inside <%s>")
                            : _("unexpected content inside <%s>"),
                          (const char *) parent->name);
      return FALSE;
    }
  return TRUE;
}

gboolean
cord_xml_check_attrs (const xmlNode       *node,
                      const char * const  *allowed,
                      const char          *filename,
                      GError             **error)
{
  g_return_val_if_fail (node != NULL, FALSE);

  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      gboolean known = FALSE;

      for (guint i = 0; allowed[i] != NULL && !known; i++)
        known = strcmp ((const char *) attr->name, allowed[i]) == 0;
      if (!known || attr->ns != NULL)
        {
          cord_xml_set_error (error, CORD_ERROR_INVALID, filename, node,
                              _("<%s> has an unknown attribute \"%s\""),
                              (const char *) node->name,
                              (const char *) attr->name);
          return FALSE;
        }
    }
  return TRUE;
}

char *
cord_xml_get (const xmlNode *node,
              const char    *name)
{
  xmlChar *value;
  char *copy;

  g_return_val_if_fail (node != NULL, NULL);

  value = xmlGetNoNsProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

char *
cord_xml_require (const xmlNode  *node,
                  const char     *name,
                  const char     *filename,
                  GError        **error)
{
  char *value = cord_xml_get (node, name);

  if (value == NULL)
    cord_xml_set_error (error, CORD_ERROR_INVALID, filename, node,
                        _("<%s> needs a \"%s\" attribute"),
                        (const char *) node->name, name);
  return value;
}

gboolean
cord_xml_get_uint (const xmlNode  *node,
                   const char     *name,
                   guint           max,
                   guint          *out,
                   const char     *filename,
                   GError        **error)
{
  g_autofree char *value = cord_xml_require (node, name, filename, error);
  guint64 number;

  if (value == NULL)
    return FALSE;
  if (!g_ascii_string_to_unsigned (value, 10, 0, max, &number, NULL))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, node,
                          _("\"%s\" of <%s> must be a whole number from 0 to "
                            "%u, not \"%s\""), name,
                          (const char *) node->name, max, value);
      return FALSE;
    }
  *out = (guint) number;
  return TRUE;
}

gboolean
cord_xml_get_bool (const xmlNode  *node,
                   const char     *name,
                   gboolean        fallback,
                   gboolean       *out,
                   const char     *filename,
                   GError        **error)
{
  g_autofree char *value = cord_xml_get (node, name);

  if (value == NULL)
    *out = fallback;
  else if (strcmp (value, "yes") == 0)
    *out = TRUE;
  else if (strcmp (value, "no") == 0)
    *out = FALSE;
  else
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, node,
                          _("\"%s\" of <%s> must be yes or no, not \"%s\""),
                          name, (const char *) node->name, value);
      return FALSE;
    }
  return TRUE;
}

char *
cord_xml_text (const xmlNode *node)
{
  xmlChar *content;
  char *copy;

  g_return_val_if_fail (node != NULL, NULL);

  content = xmlNodeGetContent (node);
  copy = g_strdup (content != NULL ? (const char *) content : "");
  xmlFree (content);
  return copy;
}
