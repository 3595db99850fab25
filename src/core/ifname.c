/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Port names as people type them: IOS abbreviations such as fa0/1 and Gi0/1. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "ifname.h"

static gboolean
same_ignoring_space (const char *a,
                     const char *b)
{
  while (*a || *b)
    {
      if (*a == ' ')
        {
          a++;
          continue;
        }
      if (*b == ' ')
        {
          b++;
          continue;
        }
      if (g_ascii_tolower (*a) != g_ascii_tolower (*b))
        return FALSE;
      a++;
      b++;
    }
  return TRUE;
}

CordPort *
cord_ifname_lookup (CordDevice  *device,
                    const char  *text,
                    GError     **error)
{
  g_autofree char *prefix = NULL;
  const char *number;
  const char *type = NULL;
  CordPort *port;

  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* Full names, with or without the space of "RS 232". */
  for (guint i = 0; i < device->ports->len; i++)
    {
      port = device->ports->pdata[i];
      if (same_ignoring_space (port->name, text))
        return port;
    }

  number = text;
  while (g_ascii_isalpha (*number) || *number == '-')
    number++;
  prefix = g_strndup (text, number - text);
  while (*number == ' ')
    number++;

  /* The type word may be cut short, as IOS allows, as long as only one of
   * this device's port types starts that way. */
  if (*prefix != '\0')
    for (guint i = 0; i < device->ports->len; i++)
      {
        port = device->ports->pdata[i];
        if (g_ascii_strncasecmp (port->type, prefix, strlen (prefix)) != 0 ||
            port->type == type)
          continue;
        if (type != NULL)
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_PORT,
                         _("“%s” is ambiguous on %s: it could be %s or %s"),
                         text, device->name, type, port->type);
            return NULL;
          }
        type = port->type;
      }

  if (type != NULL && *number != '\0')
    {
      g_autofree char *full = g_strconcat (type, number, NULL);

      port = cord_device_find_port (device, full);
      if (port != NULL)
        return port;
    }

  g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_PORT,
               _("%s (%s) has no port “%s”"), device->name,
               device->model->name, text);
  return NULL;
}
