/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One factory-fresh device of a catalog model behind an IOS session, for the configuration transcripts and the running-config round trip. */
#pragma once

#include <string.h>
#include <check.h>

#include "cmd-interface.h"
#include "ios-labs.h"
#include "ios-session.h"

/* The transcript directives (tests/test-ios-session.c):
 *
 *   @platform MODEL             a device of that catalog model ("1841",
 *                               "2960-24TT", "3560-24PS") in a simulation of
 *                               its own, named DUT; its ports' %LINK and
 *                               %LINEPROTO messages reach the console
 *   @cable PORT MODEL PEERPORT  a new device of MODEL is cabled to PORT
 *   @uncable PORT               the cable on PORT is taken away
 */

/* The IOS state a device of @model ships with, as its console boots it. */
static CordIosDevice *
ios_config_device (IosLab     *lab,
                   const char *model)
{
  GError *error = NULL;
  CordDevice *device;
  CordIosDevice *ios;
  const char *version;

  lab->topology = cord_topology_new (cord_catalog_get_default ());
  lab->engine = cord_engine_new ();
  lab->sim = cord_sim_new (lab->topology, lab->engine);
  device = cord_topology_add_device (lab->topology, model, "DUT", 0, 0, &error);
  ios_lab_check (device != NULL, error, model);
  ios = cord_ios_device_new (device->model->kind == CORD_KIND_ROUTER ? CORD_IOS_PLATFORM_ROUTER
                                                                     : CORD_IOS_PLATFORM_SWITCH,
                             lab->sim, device);
  version = strstr (device->model->ios.software, "Version ");
  if (version != NULL)
    {
      g_free (ios->version);
      ios->version = g_strndup (version + strlen ("Version "),
                                strcspn (version + strlen ("Version "), "("));
    }
  if (device->model->kind == CORD_KIND_L3SWITCH)
    ios->features |= CORD_IOS_FEATURE_ROUTING;
  ios->lookup_interface = cord_ios_interface_lookup;
  return ios;
}

static void
ios_config_port_hook (CordSim  *sim,
                      CordPort *port,
                      gboolean  up,
                      gpointer  user_data)
{
  CordIosSession *session = user_data;
  CordIosDevice *ios = cord_ios_session_get_device (session);
  g_auto(GStrv) messages = NULL;

  if (port->device != ios->device)
    return;
  messages = cord_ios_port_changed (ios, port, up);
  for (guint i = 0; messages[i] != NULL; i++)
    cord_ios_session_log (session, messages[i]);
}

/* Shows the device's port changes on @session, as its console does. */
static void
ios_config_attach (IosLab         *lab,
                   CordIosSession *session)
{
  cord_sim_set_port_hook (lab->sim, ios_config_port_hook, session);
}

/* Runs "cable PORT MODEL PEERPORT" or "uncable PORT"; FALSE for the
 * directives of ios-labs.h. */
static gboolean
ios_config_step (IosLab     *lab,
                 const char *directive)
{
  g_auto(GStrv) words = g_strsplit (directive, " ", -1);
  guint n = g_strv_length (words);
  GError *error = NULL;

  if (n == 4 && strcmp (words[0], "cable") == 0)
    {
      CordDevice *peer = cord_topology_add_device (lab->topology, words[2], NULL, 0, 0, &error);

      ios_lab_check (peer != NULL, error, directive);
      ios_lab_check (cord_topology_connect (lab->topology, ios_lab_port (lab, "DUT", words[1]),
                                            cord_device_find_port (peer, words[3]), CORD_CABLE_AUTO,
                                            &error) != NULL, error, directive);
      return TRUE;
    }
  if (n == 2 && strcmp (words[0], "uncable") == 0)
    {
      CordPort *port = ios_lab_port (lab, "DUT", words[1]);

      ck_assert_msg (port->link != NULL, "%s: no cable", directive);
      ios_lab_check (cord_topology_disconnect (lab->topology, port->link, &error), error, directive);
      return TRUE;
    }
  return FALSE;
}

static void
ios_config_capture (CordIosSession *session,
                    const char     *data,
                    gsize           len,
                    gpointer        user_data)
{
  g_string_append_len (user_data, data, len);
}

/* Whether IOS turned a line down: a message other than a log line. */
static gboolean
ios_config_refused (const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "%SYS-") || g_str_has_prefix (line, "%LINK-") ||
          g_str_has_prefix (line, "%LINEPROTO-") || g_str_has_prefix (line, "% Access VLAN does not exist."))
        continue;
      if (strchr (line, '%') != NULL || g_str_has_prefix (line, "Command rejected") ||
          g_str_has_prefix (line, "Bad mask") || g_str_has_prefix (line, "Not a valid"))
        return TRUE;
    }
  return FALSE;
}

/* Types @lines into a fresh device of @model, from privileged EXEC; the
 * running-config it then has. Every line must be taken without an error,
 * but for the VLAN a pasted `switchport access vlan` creates. */
static char *
ios_config_type (const char        *model,
                 const char *const *lines,
                 gboolean           loading)
{
  g_auto(IosLab) lab = { 0 };
  g_autoptr(CordIosDevice) ios = ios_config_device (&lab, model);
  g_autoptr(CordIosSession) session = cord_ios_session_new (cord_ios_cli_get_default (), ios);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *start = "\renable\rterminal length 0\rconfigure terminal\r";

  /* Read as a config at boot: every interface starts enabled. */
  if (loading)
    cord_ios_interfaces_enable_all (ios);
  cord_ios_session_set_output (session, ios_config_capture, out, NULL);
  cord_ios_session_start (session);
  cord_ios_session_feed (session, start, strlen (start));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_truncate (out, 0);
      cord_ios_session_feed (session, lines[i], strlen (lines[i]));
      cord_ios_session_feed (session, "\r", 1);
      ck_assert_msg (!ios_config_refused (out->str), "%s: \"%s\" gave:\n%s", model, lines[i], out->str);
    }
  return cord_ios_cli_write_config (cord_ios_cli_get_default (), ios);
}

/* Configures a device of @model with @commands, then types its running-
 * config into a fresh one, line by line, as IOS reads a config when it
 * boots (cord_ios_interfaces_enable_all()): the two running-configs must
 * be the same. Lines IOS writes but takes no command for ("version", "no
 * service timestamps", "!") are left out, as a device reading its config
 * skips them. Returns the config, for more checks. */
static char *
ios_config_round_trip (const char        *model,
                       const char *const *commands)
{
  g_autofree char *first = ios_config_type (model, commands, FALSE);
  g_auto(GStrv) lines = g_strsplit (first, "\n", -1);
  g_autoptr(GPtrArray) paste = g_ptr_array_new ();
  g_autofree char *second = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '!' && !g_str_has_prefix (lines[i], "version ") &&
        !g_str_has_prefix (lines[i], "no service timestamps "))
      g_ptr_array_add (paste, lines[i]);
  g_ptr_array_add (paste, NULL);
  second = ios_config_type (model, (const char *const *) paste->pdata, TRUE);
  ck_assert_str_eq (second, first);
  return g_steal_pointer (&first);
}

/* Lines the random test types: every configuration command, right and
 * wrong, in the modes they belong to and the others. */
static const char *const ios_config_random_lines[] = {
  "int fa0/0", "int fa0/1", "int fa0/0.10", "int fa0/0.20", "int fa0/1.5", "int range fa0/1 - 3",
  "int range fa0/1-2, gi0/1", "interface vlan 1", "interface vlan 10", "no interface vlan 10",
  "no interface fa0/0.10", "shutdown", "no shutdown", "ip address 10.0.0.1 255.255.255.0",
  "ip address 10.0.1.1 255.255.255.0", "no ip address", "encapsulation dot1Q 10",
  "encapsulation dot1Q 20 native", "no encapsulation dot1Q", "sw mo acc", "sw mo trunk", "sw mo dyn auto",
  "sw acc vl 10", "no sw acc vl", "switchport trunk allowed vlan 1-10,20",
  "switchport trunk allowed vlan add 30", "switchport trunk allowed vlan remove 1-5",
  "switchport trunk allowed vlan except 7", "switchport trunk allowed vlan none",
  "switchport trunk native vlan 10", "switchport nonegotiate", "no switchport nonegotiate",
  "switchport trunk encapsulation dot1q", "no switchport", "switchport", "description hello there",
  "no description", "speed 100", "speed 1000", "no speed", "duplex half", "duplex full", "no duplex",
  "vlan 10", "name Ten", "no name", "no vlan 10", "vlan 20", "ip route 0.0.0.0 0.0.0.0 10.0.0.9",
  "ip route 10.5.0.0 255.255.0.0 fa0/0", "no ip route 0.0.0.0 0.0.0.0", "ip default-gateway 10.0.0.1",
  "no ip default-gateway", "ip routing", "no ip routing", "exit", "end", "configure terminal",
  "interface range fa0/1 - ?", "int fa0/1 ?",
};

/* Types @count random lines into a device of @model, cabling and
 * uncabling its first ports now and then; then its running-config must
 * survive the round trip of ios_config_round_trip(). */
static void
ios_config_random (const char *model,
                   guint32     seed,
                   guint       count)
{
  g_auto(IosLab) lab = { 0 };
  g_autoptr(CordIosDevice) ios = ios_config_device (&lab, model);
  g_autoptr(CordIosSession) session = cord_ios_session_new (cord_ios_cli_get_default (), ios);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *first = NULL, *second = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) paste = g_ptr_array_new ();
  const char *start = "\renable\rterminal length 0\rconfigure terminal\r";
  const char *back = "\x15\x1a\rconfigure terminal\r";

  ios_config_attach (&lab, session);
  cord_ios_session_start (session);
  cord_ios_session_feed (session, start, strlen (start));
  for (guint i = 0; i < count; i++)
    {
      guint pick = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (ios_config_random_lines) + 2);
      g_autofree char *port = g_strdup_printf ("FastEthernet0/%d", g_rand_int_range (rand, 0, 3));
      CordPort *cabled = cord_device_find_port (ios->device, port);

      if (pick < G_N_ELEMENTS (ios_config_random_lines))
        {
          const char *line = ios_config_random_lines[pick];

          cord_ios_session_feed (session, line, strlen (line));
          /* A line that ends in "?" is left for the next one to finish. */
          cord_ios_session_feed (session, line[strlen (line) - 1] == '?' ? "\x15" : "\r", 1);
        }
      else if (cabled != NULL && cabled->link == NULL)
        {
          g_autofree char *directive = g_strdup_printf ("cable %s PC-PT FastEthernet0", port);

          ios_config_step (&lab, directive);
        }
      else if (cabled != NULL)
        {
          g_autofree char *directive = g_strdup_printf ("uncable %s", port);

          ios_config_step (&lab, directive);
        }
      /* Back to configuration mode from wherever the last line left it. */
      if (i % 50 == 49)
        cord_ios_session_feed (session, back, strlen (back));
    }
  cord_sim_set_port_hook (lab.sim, NULL, NULL);

  first = cord_ios_cli_write_config (cord_ios_cli_get_default (), ios);
  lines = g_strsplit (first, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '!' && !g_str_has_prefix (lines[i], "version ") &&
        !g_str_has_prefix (lines[i], "no service timestamps "))
      g_ptr_array_add (paste, lines[i]);
  g_ptr_array_add (paste, NULL);
  second = ios_config_type (model, (const char *const *) paste->pdata, TRUE);
  ck_assert_str_eq (second, first);
}
