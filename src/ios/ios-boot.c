/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a device does as it starts: the IOS state it ships with, the boot messages of its model, and the configs it reads back. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cmd-interface.h"
#include "ios-console-private.h"
#include "switching.h"

/* The width of the row of '#' an image load prints. */
#define LOAD_BAR_WIDTH 74

/* --- The factory state --------------------------------------------------- */

/* "Version 12.4(15)T1," gives "12.4"; NULL when @software has none. */
static char *
software_version (const char *software,
                  gboolean    full)
{
  const char *start = software != NULL ? strstr (software, "Version ") : NULL;
  gsize len;

  if (start == NULL)
    return NULL;
  start += strlen ("Version ");
  len = strcspn (start, full ? ", " : "(, ");
  return len > 0 ? g_strndup (start, len) : NULL;
}

CordIosDevice *
_cord_ios_boot_device (CordSim    *sim,
                       CordDevice *device)
{
  const CordModelSpec *model = device->model;
  gboolean router = model->kind == CORD_KIND_ROUTER;
  CordIosDevice *ios = cord_ios_device_new (router ? CORD_IOS_PLATFORM_ROUTER : CORD_IOS_PLATFORM_SWITCH,
                                            sim, device);
  char *version = software_version (model->ios.software, FALSE);

  if (version != NULL)
    {
      g_free (ios->version);
      ios->version = version;
    }
  if (model->hostname != NULL)
    {
      g_free (ios->default_hostname);
      ios->default_hostname = g_strdup (model->hostname);
      g_free (ios->hostname);
      ios->hostname = g_strdup (model->hostname);
    }
  /* Multilayer switches route too. */
  if (model->kind == CORD_KIND_L3SWITCH)
    ios->features |= CORD_IOS_FEATURE_ROUTING;
  if (cord_device_find_port (device, "Auxiliary") == NULL)
    ios->features &= ~(guint) CORD_IOS_FEATURE_AUX;
  ios->lookup_interface = cord_ios_interface_lookup;
  return ios;
}

/* --- Boot messages ------------------------------------------------------- */

/* "Wed 18-Jul-07 04:52 by pt_team" was built in 2007. */
static guint
compiled_year (const char *compiled)
{
  const char *date = compiled != NULL ? strchr (compiled, ' ') : NULL;
  const char *dash;
  guint year;

  if (date == NULL || (dash = strrchr (date, '-')) == NULL || !g_ascii_isdigit (dash[1]))
    return 2007;
  year = (guint) strtoul (dash + 1, NULL, 10);
  return year < 100 ? (year < 70 ? 2000 + year : 1900 + year) : year;
}

/* The lines every IOS prints at the top of `show version` and its boot. */
static void
append_banner (const CordIosInfo *info,
               GString           *out)
{
  guint year = compiled_year (info->compiled);

  if (info->legacy)
    {
      g_string_append_printf (out, "%s\n", _("Cisco Internetwork Operating System Software"));
      g_string_append_printf (out, "%s\n", info->software);
      g_string_append_printf (out, _("Copyright (c) 1986-%u by cisco Systems, Inc.\n"), year);
    }
  else
    {
      g_string_append_printf (out, "%s\n", info->software);
      g_string_append_printf (out, "%s\n", _("Technical Support: http://www.cisco.com/techsupport"));
      g_string_append_printf (out, _("Copyright (c) 1986-%u by Cisco Systems, Inc.\n"), year);
    }
  g_string_append_printf (out, _("Compiled %s\n"), info->compiled);
}

typedef struct {
  guint ethernet;
  guint fast;
  guint gigabit;
  guint serial;
} PortCounts;

static PortCounts
count_ports (CordDevice *device)
{
  PortCounts counts = { 0 };

  for (guint i = 0; i < device->ports->len; i++)
    {
      const CordPort *port = device->ports->pdata[i];

      if (g_strcmp0 (port->type, "Ethernet") == 0)
        counts.ethernet++;
      else if (g_strcmp0 (port->type, "FastEthernet") == 0)
        counts.fast++;
      else if (g_strcmp0 (port->type, "GigabitEthernet") == 0)
        counts.gigabit++;
      else if (g_strcmp0 (port->type, "Serial") == 0)
        counts.serial++;
    }
  return counts;
}

/* Routers and 12.1 switches count "FastEthernet/IEEE 802.3
 * interface(s)"; the 12.2 and 15.0 switch images "FastEthernet
 * interfaces". */
static void
append_interfaces (CordDevice *device,
                   gboolean    short_form,
                   GString    *out)
{
  PortCounts counts = count_ports (device);

  if (counts.ethernet > 0)
    g_string_append_printf (out, short_form ? _("%u Ethernet interfaces\n")
                                            : _("%u Ethernet/IEEE 802.3 interface(s)\n"), counts.ethernet);
  if (counts.fast > 0)
    g_string_append_printf (out, short_form ? _("%u FastEthernet interfaces\n")
                                            : _("%u FastEthernet/IEEE 802.3 interface(s)\n"), counts.fast);
  if (counts.gigabit > 0)
    g_string_append_printf (out, short_form ? _("%u Gigabit Ethernet interfaces\n")
                                            : _("%u Gigabit Ethernet/IEEE 802.3 interface(s)\n"), counts.gigabit);
  if (counts.serial > 0)
    g_string_append_printf (out, _("%u Low-speed serial(sync/async) network interface(s)\n"), counts.serial);
}

/* The stack table a Catalyst prints before its banner (reference 7):
 * "*    1 26    WS-C2960-24TT-L    15.0(2)SE4            C2960-LANBASEK9-M". */
static void
append_switch_table (CordDevice *device,
                     GString    *out)
{
  const CordIosInfo *info = &device->model->ios;
  PortCounts counts = count_ports (device);
  g_auto(GStrv) words = g_strsplit (info->processor != NULL ? info->processor : "", " ", 3);
  g_autofree char *version = software_version (info->software, TRUE);
  const char *open = info->software != NULL ? strchr (info->software, '(') : NULL;
  g_autofree char *image = open != NULL ? g_strndup (open + 1, strcspn (open + 1, ")")) : g_strdup ("");

  g_string_append (out, "Switch Ports Model              SW Version            SW Image\n"
                        "------ ----- -----              ----------            ----------\n");
  g_string_append_printf (out, "*%5u %-5u %-18s %-21s %s\n", 1u,
                          counts.ethernet + counts.fast + counts.gigabit,
                          g_strv_length (words) >= 2 ? words[1] : "",
                          version != NULL ? version : "", image);
}

void
_cord_ios_boot_text (CordDevice *device,
                     guint       part,
                     GString    *out)
{
  const CordIosInfo *info = &device->model->ios;
  gboolean sw = device->model->kind != CORD_KIND_ROUTER;

  g_assert (part < _CORD_IOS_BOOT_PARTS);
  switch (part)
    {
    case 0:
      /* The ROM lines of the only captured router `show version` (2811);
       * the boot text is abbreviated from here on. */
      g_string_append (out, "System Bootstrap, Version 12.1(3r)T2, RELEASE SOFTWARE (fc1)\n");
      g_string_append_printf (out, "%s\n", _("Copyright (c) 2000 by cisco Systems, Inc."));
      break;
    case 1:
      g_string_append_printf (out, _("Loading \"flash:%s\"...\n"), info->image != NULL ? info->image : "");
      for (guint i = 0; i < LOAD_BAR_WIDTH; i++)
        g_string_append_c (out, '#');
      g_string_append (out, " [OK]\n\n");
      break;
    case 2:
    default:
      if (info->processor != NULL)
        g_string_append_printf (out, "%s\n", info->processor);
      append_interfaces (device, sw && !info->legacy, out);
      if (sw)
        g_string_append_c (out, '\n');
      if (sw && !info->legacy)
        {
          append_switch_table (device, out);
          g_string_append_c (out, '\n');
        }
      if (info->software != NULL)
        append_banner (info, out);
      break;
    }
}

void
_cord_ios_boot_dialog (GString *out)
{
  /* Reference 4.5: two blank lines after the banner. */
  g_string_append_printf (out, "\n\n         %s\n\n", _("--- System Configuration Dialog ---"));
  g_string_append (out, _("Would you like to enter the initial configuration dialog? [yes/no]: "));
}

/* --- Reading configs back ------------------------------------------------ */

/* The forms IOS refuses a line with (ios-exec.c prints them). */
static gboolean
refused (const GString *out)
{
  static const char *const forms[] = {
    "% Invalid input detected", "% Incomplete command", "% Ambiguous command",
    "%Invalid interface type and number", "% Unknown command",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (strstr (out->str, forms[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether a command waits for more lines (a banner being typed). Peeking
 * means taking the question and putting it back. */
static gboolean
session_asks (CordIosSession *session)
{
  _CordIosAsk *ask = _cord_ios_session_take_ask (session);

  if (ask == NULL)
    return FALSE;
  _cord_ios_session_set_ask (session, ask);
  return TRUE;
}

guint
_cord_ios_replay_config (CordIosCli    *cli,
                         CordIosDevice *ios,
                         const char    *config)
{
  static const char enter[] = "\renable\rconfigure terminal\r";
  g_autoptr(CordIosSession) session = NULL;
  g_auto(GStrv) lines = NULL;
  guint errors = 0;

  if (config == NULL)
    return 0;
  /* A session of its own, with no output: the device is fresh, so no
   * password stands in the way of configuration mode. */
  session = cord_ios_session_new (cli, ios);
  cord_ios_session_feed (session, enter, sizeof enter - 1);
  g_assert (cord_ios_session_get_node (session) == CORD_IOS_NODE_CONFIG);
  lines = g_strsplit (config, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      char *line = lines[i];
      gsize len = strlen (line);
      const char *word = line + strspn (line, " \t");

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';
      if (session_asks (session))
        {
          _cord_ios_exec_answer (session, line, out);
          continue;
        }
      /* "!" starts a comment in a config. */
      if (*word == '\0' || *word == '!')
        continue;
      _cord_ios_exec_line (session, line, out);
      if (refused (out))
        errors++;
      /* A saved config writes "shutdown" for the interfaces that are; the
       * others come up at boot, whatever the factory state. */
      else if (g_str_has_prefix (line, "interface "))
        {
          g_autoptr(GString) ignored = g_string_new (NULL);

          _cord_ios_exec_line (session, "no shutdown", ignored);
        }
    }
  return errors;
}

/* --- The VLAN database --------------------------------------------------- */

static int
compare_vlans (gconstpointer a,
               gconstpointer b)
{
  return (int) ((const CordVlanInfo *) a)->vid - (int) ((const CordVlanInfo *) b)->vid;
}

char *
_cord_ios_vlans_write (CordSim    *sim,
                       CordDevice *device)
{
  g_autoptr(GArray) vlans = cord_switch_list_vlans (sim, device);
  GString *out = g_string_new (NULL);

  if (vlans != NULL)
    {
      g_array_sort (vlans, compare_vlans);
      for (guint i = 0; i < vlans->len; i++)
        {
          const CordVlanInfo *vlan = &g_array_index (vlans, CordVlanInfo, i);
          g_autofree char *automatic = g_strdup_printf ("VLAN%04u", vlan->vid);

          if (vlan->default_vlan)
            continue;
          g_string_append_printf (out, "vlan %u\n", vlan->vid);
          if (g_strcmp0 (vlan->name, automatic) != 0)
            g_string_append_printf (out, " name %s\n", vlan->name);
        }
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

void
_cord_ios_vlans_restore (CordSim    *sim,
                         CordDevice *device,
                         const char *text)
{
  g_auto(GStrv) lines = NULL;
  guint vid = 0;

  if (text == NULL)
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      guint64 number;

      /* What the file cannot say is left out, as vlan.dat that does not
       * read is ignored at boot. */
      if (g_str_has_prefix (line, "vlan ") &&
          g_ascii_string_to_unsigned (line + 5, 10, 1, 4094, &number, NULL) &&
          cord_switch_vlan_add (sim, device, (guint) number, NULL, NULL))
        vid = (guint) number;
      else if (g_str_has_prefix (line, "name ") && vid != 0)
        cord_switch_vlan_set_name (sim, device, vid, line + 5, NULL);
      else
        vid = 0;
    }
}
