/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cable rules: which cable fits which ports, and what Automatic picks. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "topology.h"

static const struct {
  const char *id;
  const char *label;
} cables[] = {
  [CORD_CABLE_STRAIGHT]   = { "straight",   N_("Copper Straight-Through") },
  [CORD_CABLE_CROSS]      = { "cross",      N_("Copper Cross-Over") },
  [CORD_CABLE_FIBER]      = { "fiber",      N_("Fiber") },
  [CORD_CABLE_SERIAL_DCE] = { "serial-dce", N_("Serial DCE") },
  [CORD_CABLE_SERIAL_DTE] = { "serial-dte", N_("Serial DTE") },
  [CORD_CABLE_CONSOLE]    = { "console",    N_("Console") },
  [CORD_CABLE_AUTO]       = { "auto",       N_("Automatic") },
};

const char *
cord_cable_to_string (CordCable cable)
{
  g_return_val_if_fail ((guint) cable < G_N_ELEMENTS (cables), NULL);
  return cables[cable].id;
}

gboolean
cord_cable_from_string (const char *str,
                        CordCable  *cable)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (cable != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cables); i++)
    if (strcmp (str, cables[i].id) == 0)
      {
        *cable = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cord_cable_label (CordCable cable)
{
  g_return_val_if_fail ((guint) cable < G_N_ELEMENTS (cables), NULL);
  return _(cables[cable].label);
}

static CordMedium
cable_medium (CordCable cable)
{
  switch (cable)
    {
    case CORD_CABLE_STRAIGHT:
    case CORD_CABLE_CROSS:
      return CORD_MEDIUM_COPPER;
    case CORD_CABLE_FIBER:
      return CORD_MEDIUM_FIBER;
    case CORD_CABLE_SERIAL_DCE:
    case CORD_CABLE_SERIAL_DTE:
      return CORD_MEDIUM_SERIAL;
    case CORD_CABLE_CONSOLE:
      return CORD_MEDIUM_CONSOLE;
    case CORD_CABLE_AUTO:
    default:
      g_assert_not_reached ();
    }
}

/* The terminal side of a console cable: a PC's RS 232, or an async line of
 * a terminal server. The other side is a Console or Auxiliary port. */
static gboolean
is_terminal_side (const CordPort *port)
{
  return port->medium == CORD_MEDIUM_ASYNC || strcmp (port->type, "RS232") == 0;
}

static gboolean
fits_console (const CordPort *port)
{
  return port->medium == CORD_MEDIUM_CONSOLE || port->medium == CORD_MEDIUM_ASYNC;
}

static gboolean
check_console (const CordPort  *a,
               const CordPort  *b,
               GError         **error)
{
  if (is_terminal_side (a) == is_terminal_side (b))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_MEDIUM,
                   _("A console cable joins a PC's RS 232 port to a router's or "
                     "switch's Console port; %s on %s and %s on %s are both %s"),
                   a->name, a->device->name, b->name, b->device->name,
                   is_terminal_side (a) ? _("terminal ports") : _("console ports"));
      return FALSE;
    }
  return TRUE;
}

static const char *
medium_cable_hint (CordMedium medium)
{
  switch (medium)
    {
    case CORD_MEDIUM_COPPER:   return _("a copper cable");
    case CORD_MEDIUM_FIBER:    return _("a fiber cable");
    case CORD_MEDIUM_SERIAL:   return _("a serial cable");
    case CORD_MEDIUM_CONSOLE:
    case CORD_MEDIUM_ASYNC:    return _("a console cable");
    case CORD_MEDIUM_WIRELESS: return _("no cable");
    default:
      g_assert_not_reached ();
    }
}

gboolean
cord_cable_resolve (CordCable        cable,
                    const CordPort  *a,
                    const CordPort  *b,
                    CordCable       *resolved,
                    GError         **error)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  g_return_val_if_fail (resolved != NULL, FALSE);
  g_return_val_if_fail ((guint) cable < G_N_ELEMENTS (cables), FALSE);

  for (guint i = 0; i < 2; i++)
    {
      const CordPort *port = i == 0 ? a : b;

      if (port->medium == CORD_MEDIUM_WIRELESS)
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_MEDIUM,
                       _("%s on %s is a wireless port and takes no cable"),
                       port->name, port->device->name);
          return FALSE;
        }
    }

  if (cable == CORD_CABLE_AUTO)
    {
      if (fits_console (a) && fits_console (b))
        {
          if (!check_console (a, b, error))
            return FALSE;
          *resolved = CORD_CABLE_CONSOLE;
          return TRUE;
        }
      if (a->medium != b->medium)
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_MEDIUM,
                       _("No cable joins %s on %s (%s) to %s on %s (%s); choose "
                         "two ports of the same kind"),
                       a->name, a->device->name, cord_medium_describe (a->medium),
                       b->name, b->device->name, cord_medium_describe (b->medium));
          return FALSE;
        }
      switch (a->medium)
        {
        case CORD_MEDIUM_COPPER:
          /* Like ends (MDI to MDI, MDI-X to MDI-X) need a cross-over. */
          *resolved = a->mdix == b->mdix ? CORD_CABLE_CROSS : CORD_CABLE_STRAIGHT;
          return TRUE;
        case CORD_MEDIUM_FIBER:
          *resolved = CORD_CABLE_FIBER;
          return TRUE;
        case CORD_MEDIUM_SERIAL:
          /* Packet Tracer makes the end clicked first the DCE. */
          *resolved = CORD_CABLE_SERIAL_DCE;
          return TRUE;
        case CORD_MEDIUM_CONSOLE:
        case CORD_MEDIUM_ASYNC:
        case CORD_MEDIUM_WIRELESS:
        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < 2; i++)
    {
      const CordPort *port = i == 0 ? a : b;
      CordMedium wanted = cable_medium (cable);
      gboolean fits = wanted == CORD_MEDIUM_CONSOLE ? fits_console (port)
                                                    : port->medium == wanted;

      if (!fits)
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_MEDIUM,
                       _("A %s cable does not fit %s on %s, which is %s. Use %s, "
                         "or choose %s."),
                       cord_cable_label (cable), port->name, port->device->name,
                       cord_medium_describe (port->medium),
                       medium_cable_hint (port->medium),
                       cord_medium_describe (wanted));
          return FALSE;
        }
    }
  if (cable == CORD_CABLE_CONSOLE && !check_console (a, b, error))
    return FALSE;
  *resolved = cable;
  return TRUE;
}

gboolean
cord_cable_is_correct (CordCable       cable,
                       const CordPort *a,
                       const CordPort *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  /* Packet Tracer accepts the wrong copper kind but the link stays down;
   * there is no auto-MDIX. */
  switch (cable)
    {
    case CORD_CABLE_STRAIGHT:
      return a->mdix != b->mdix;
    case CORD_CABLE_CROSS:
      return a->mdix == b->mdix;
    case CORD_CABLE_FIBER:
    case CORD_CABLE_SERIAL_DCE:
    case CORD_CABLE_SERIAL_DTE:
    case CORD_CABLE_CONSOLE:
      return TRUE;
    case CORD_CABLE_AUTO:
    default:
      g_return_val_if_reached (FALSE);
    }
}
