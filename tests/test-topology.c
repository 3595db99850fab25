/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the topology model: cables, modules, power, undo/redo, signals, names, MACs, port names and limits. */
#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "catalog.h"
#include "cord-error.h"
#include "cord-limits.h"
#include "ifname.h"
#include "lab.h"
#include "test-util.h"
#include "topology.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */
/* ---------------------------------------------------------------------- */

static CordTopology *
new_topology (void)
{
  CordCatalog *catalog = cord_catalog_get_default ();

  ck_assert_ptr_nonnull (catalog);
  return cord_topology_new (catalog);
}

#define add(t, model, name) add_at (__FILE__, __LINE__, (t), (model), (name))

static CordDevice *
add_at (const char   *file,
        int           line,
        CordTopology *t,
        const char   *model,
        const char   *name)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = cord_topology_add_device (t, model, name, 10, 20, &error);

  ck_assert_msg (device != NULL, "%s:%d: adding %s “%s” failed: %s", file, line,
                 model, name ? name : "(auto)", error ? error->message : "no error");
  ck_assert_ptr_null (error);
  return device;
}

#define port(d, name) port_at (__FILE__, __LINE__, (d), (name))

static CordPort *
port_at (const char *file,
         int         line,
         CordDevice *device,
         const char *name)
{
  CordPort *p = cord_device_find_port (device, name);

  ck_assert_msg (p != NULL, "%s:%d: %s has no port “%s”", file, line, device->name, name);
  return p;
}

#define connect_ok(t, a, b, cable) connect_at (__FILE__, __LINE__, (t), (a), (b), (cable))

static CordLink *
connect_at (const char   *file,
            int           line,
            CordTopology *t,
            CordPort     *a,
            CordPort     *b,
            CordCable     cable)
{
  g_autoptr(GError) error = NULL;
  CordLink *link = cord_topology_connect (t, a, b, cable, &error);

  ck_assert_msg (link != NULL, "%s:%d: connecting %s %s to %s %s failed: %s", file, line,
                 a->device->name, a->name, b->device->name, b->name,
                 error ? error->message : "no error");
  ck_assert_ptr_eq (a->link, link);
  ck_assert_ptr_eq (b->link, link);
  ck_assert_ptr_eq (link->ends[0], a);
  ck_assert_ptr_eq (link->ends[1], b);
  return link;
}

#define power(t, d, on) power_at (__FILE__, __LINE__, (t), (d), (on))

static void
power_at (const char   *file,
          int           line,
          CordTopology *t,
          CordDevice   *device,
          gboolean      on)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_topology_set_power (t, device, on, &error),
                 "%s:%d: powering %s %s failed: %s", file, line, device->name,
                 on ? "on" : "off", error ? error->message : "no error");
  ck_assert_int_eq (!!device->powered, !!on);
}

#define insert(t, d, slot, module) insert_at (__FILE__, __LINE__, (t), (d), (slot), (module))

static void
insert_at (const char   *file,
           int           line,
           CordTopology *t,
           CordDevice   *device,
           const char   *slot,
           const char   *module)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_topology_insert_module (t, device, slot, module, &error),
                 "%s:%d: inserting %s into slot %s of %s failed: %s", file, line,
                 module, slot, device->name, error ? error->message : "no error");
  ck_assert_ptr_nonnull (cord_device_get_module (device, slot));
  ck_assert_str_eq (cord_device_get_module (device, slot)->module->name, module);
}

/* Checks that *@error is a CORD_ERROR with @code whose message contains
 * every string of the NULL-terminated list, case-insensitively, then
 * clears it. */
#define expect_error(error, ...) \
  expect_error_at (__FILE__, __LINE__, (error), __VA_ARGS__, NULL)

static void
expect_error_at (const char  *file,
                 int          line,
                 GError     **error,
                 int          code,
                 ...)
{
  g_autofree char *message = NULL;
  const char *needle;
  va_list args;

  ck_assert_msg (*error != NULL, "%s:%d: expected error %d, but the call succeeded",
                 file, line, code);
  ck_assert_msg ((*error)->domain == CORD_ERROR && (*error)->code == code,
                 "%s:%d: expected CORD_ERROR %d, got %s %d: %s", file, line, code,
                 g_quark_to_string ((*error)->domain), (*error)->code, (*error)->message);
  ck_assert_msg (g_utf8_validate ((*error)->message, -1, NULL),
                 "%s:%d: error message is not valid UTF-8", file, line);
  message = g_utf8_strdown ((*error)->message, -1);
  va_start (args, code);
  while ((needle = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *lower = g_utf8_strdown (needle, -1);

      ck_assert_msg (strstr (message, lower) != NULL,
                     "%s:%d: error message “%s” does not mention “%s”", file, line,
                     (*error)->message, needle);
    }
  va_end (args);
  g_clear_error (error);
}

/* A text picture of everything the model holds, in model order, so that
 * two states can be compared exactly. */
static char *
snapshot (CordTopology *t)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cord_topology_get_n_devices (t); i++)
    {
      CordDevice *d = cord_topology_get_device (t, i);

      ck_assert_ptr_eq (d->topology, t);
      ck_assert_ptr_eq (cord_topology_find_device (t, d->name), d);
      ck_assert_ptr_eq (cord_topology_lookup_device (t, d->id), d);
      g_string_append_printf (s, "device #%u “%s” (%s) at %.17g,%.17g %s base=%012"
                              G_GINT64_MODIFIER "x\n", d->id, d->name, d->model->name,
                              d->x, d->y, d->powered ? "on" : "off", d->mac_base);
      g_string_append_printf (s, "  startup=%s\n  running=%s\n",
                              d->startup_config ? d->startup_config : "(none)",
                              d->running_config ? d->running_config : "(none)");
      g_string_append_printf (s, "  host dhcp=%d ip=%08x mask=%08x gw=%08x dns=%08x\n",
                              d->host.dhcp, d->host.address, d->host.mask,
                              d->host.gateway, d->host.dns);
      for (guint m = 0; m < d->modules->len; m++)
        {
          const CordInstalledModule *im = &g_array_index (d->modules, CordInstalledModule, m);

          g_string_append_printf (s, "  module %s %s mac=%012" G_GINT64_MODIFIER "x\n",
                                  im->slot, im->module->name, im->mac_base);
        }
      for (guint p = 0; p < d->ports->len; p++)
        {
          CordPort *port = d->ports->pdata[p];

          ck_assert_ptr_eq (port->device, d);
          ck_assert_uint_eq (port->index, p);
          g_string_append_printf (s, "  port %s type=%s medium=%d slot=%s mac=%012"
                                  G_GINT64_MODIFIER "x mdix=%u link=%u\n",
                                  port->name, port->type, port->medium,
                                  port->slot ? port->slot : "-", port->mac, port->mdix,
                                  port->link ? port->link->id : 0);
        }
    }
  for (guint i = 0; i < cord_topology_get_n_links (t); i++)
    {
      CordLink *l = cord_topology_get_link (t, i);

      ck_assert_ptr_eq (l->ends[0]->link, l);
      ck_assert_ptr_eq (l->ends[1]->link, l);
      g_string_append_printf (s, "link #%u %s state=%d %s:%s -- %s:%s\n", l->id,
                              cord_cable_to_string (l->cable), l->state,
                              l->ends[0]->device->name, l->ends[0]->name,
                              l->ends[1]->device->name, l->ends[1]->name);
    }
  for (guint i = 0; i < cord_topology_get_n_notes (t); i++)
    {
      CordNote *n = cord_topology_get_note (t, i);

      g_string_append_printf (s, "note #%u at %.17g,%.17g: %s\n", n->id, n->x, n->y, n->text);
    }
  return g_string_free (s, FALSE);
}

/* The names of @device's ports, in order, joined by commas. */
static char *
port_list (CordDevice *device)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < device->ports->len; i++)
    {
      CordPort *p = device->ports->pdata[i];

      ck_assert_uint_eq (p->index, i);
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, p->name);
    }
  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Cables: media                                                           */
/* ---------------------------------------------------------------------- */

START_TEST (test_cable_fiber_on_copper)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *pc = add (t, "PC-PT", "PC0");
  CordDevice *sw = add (t, "2960-24TT", "Switch0");

  ck_assert_ptr_null (cord_topology_connect (t, port (pc, "FastEthernet0"),
                                             port (sw, "FastEthernet0/1"),
                                             CORD_CABLE_FIBER, &error));
  expect_error (&error, CORD_ERROR_MEDIUM, "FastEthernet0", "PC0");
  ck_assert_uint_eq (cord_topology_get_n_links (t), 0);
  ck_assert_ptr_null (port (pc, "FastEthernet0")->link);
  ck_assert_ptr_null (port (sw, "FastEthernet0/1")->link);

  /* The second end is checked too. */
  ck_assert_ptr_null (cord_topology_connect (t, port (add (t, "Switch-PT", "SP"), "FastEthernet4/1"),
                                             port (sw, "FastEthernet0/1"),
                                             CORD_CABLE_FIBER, &error));
  expect_error (&error, CORD_ERROR_MEDIUM, "FastEthernet0/1", "Switch0");
  ck_assert_uint_eq (cord_topology_get_n_links (t), 0);
}
END_TEST

START_TEST (test_cable_serial_on_copper)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "1841", "R1");
  CordDevice *sw = add (t, "2960-24TT", "S1");

  for (CordCable c = CORD_CABLE_SERIAL_DCE; c <= CORD_CABLE_SERIAL_DTE; c++)
    {
      ck_assert_ptr_null (cord_topology_connect (t, port (r, "FastEthernet0/0"),
                                                 port (sw, "FastEthernet0/1"), c, &error));
      expect_error (&error, CORD_ERROR_MEDIUM, "FastEthernet0/0", "R1");
    }
  ck_assert_uint_eq (cord_topology_get_n_links (t), 0);
}
END_TEST

START_TEST (test_cable_copper_on_serial)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r1 = add (t, "1841", "R1");
  CordDevice *r2 = add (t, "1841", "R2");

  power (t, r1, FALSE);
  power (t, r2, FALSE);
  insert (t, r1, "0/0", "WIC-2T");
  insert (t, r2, "0/0", "WIC-2T");
  ck_assert_ptr_null (cord_topology_connect (t, port (r1, "Serial0/0/0"), port (r2, "Serial0/0/0"),
                                             CORD_CABLE_STRAIGHT, &error));
  expect_error (&error, CORD_ERROR_MEDIUM, "Serial0/0/0", "R1");
  ck_assert_ptr_null (cord_topology_connect (t, port (r1, "Serial0/0/0"), port (r2, "Serial0/0/0"),
                                             CORD_CABLE_CROSS, &error));
  expect_error (&error, CORD_ERROR_MEDIUM, "Serial0/0/0", "R1");
  ck_assert_ptr_null (cord_topology_connect (t, port (r1, "Serial0/0/0"), port (r2, "Serial0/0/0"),
                                             CORD_CABLE_FIBER, &error));
  expect_error (&error, CORD_ERROR_MEDIUM, "Serial0/0/0", "R1");
  ck_assert_uint_eq (cord_topology_get_n_links (t), 0);
}
END_TEST

START_TEST (test_cable_console_needs_terminal)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "1841", "R1");
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordDevice *pc = add (t, "PC-PT", "PC1");

  ck_assert_ptr_null (cord_topology_connect (t, port (r, "Console"), port (sw, "Console"),
                                             CORD_CABLE_CONSOLE, &error));
  expect_error (&error, CORD_ERROR_MEDIUM, "Console", "R1", "S1", "RS 232");
  ck_assert_ptr_null (cord_topology_connect (t, port (r, "Console"), port (sw, "Console"),
                                             CORD_CABLE_AUTO, &error));
  expect_error (&error, CORD_ERROR_MEDIUM, "Console", "R1", "S1");
  ck_assert_ptr_null (cord_topology_connect (t, port (r, "Auxiliary"), port (r, "Console"),
                                             CORD_CABLE_CONSOLE, &error));
  expect_error (&error, CORD_ERROR_MEDIUM, "Auxiliary", "R1");
  /* A console cable does not fit an Ethernet port either. */
  ck_assert_ptr_null (cord_topology_connect (t, port (pc, "RS 232"), port (sw, "FastEthernet0/1"),
                                             CORD_CABLE_CONSOLE, &error));
  expect_error (&error, CORD_ERROR_MEDIUM, "FastEthernet0/1", "S1");
  ck_assert_uint_eq (cord_topology_get_n_links (t), 0);

  /* With one RS 232 end it works. */
  ck_assert_uint_eq (connect_ok (t, port (pc, "RS 232"), port (r, "Console"),
                                 CORD_CABLE_CONSOLE)->cable, CORD_CABLE_CONSOLE);
}
END_TEST

START_TEST (test_cable_wireless_takes_none)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *pc = add (t, "PC-PT", "PC0");
  CordDevice *sw = add (t, "2960-24TT", "S1");
  g_autofree char *ports = NULL;
  CordPort *wl;

  power (t, pc, FALSE);
  {
    g_autoptr(GError) e = NULL;
    ck_assert_msg (cord_topology_remove_module (t, pc, "0", &e), "%s", e ? e->message : "");
  }
  insert (t, pc, "0", "PT-HOST-NM-1W");
  ports = port_list (pc);
  ck_assert_str_eq (ports, "RS 232,Wireless0");
  wl = port (pc, "Wireless0");
  ck_assert_int_eq (wl->medium, CORD_MEDIUM_WIRELESS);
  for (CordCable c = CORD_CABLE_STRAIGHT; c <= CORD_CABLE_AUTO; c++)
    {
      if (c == CORD_CABLE_CONSOLE)
        continue;
      ck_assert_ptr_null (cord_topology_connect (t, wl, port (sw, "FastEthernet0/1"), c, &error));
      expect_error (&error, CORD_ERROR_MEDIUM, "Wireless0", "PC0", "wireless");
      ck_assert_ptr_null (cord_topology_connect (t, port (sw, "FastEthernet0/1"), wl, c, &error));
      expect_error (&error, CORD_ERROR_MEDIUM, "Wireless0", "PC0", "wireless");
    }
  ck_assert_uint_eq (cord_topology_get_n_links (t), 0);
  ck_assert_ptr_null (wl->link);
}
END_TEST

START_TEST (test_cable_auto_copper_to_fiber)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *a = add (t, "Switch-PT", "SA");
  CordDevice *b = add (t, "Switch-PT", "SB");

  ck_assert_int_eq (port (a, "FastEthernet0/1")->medium, CORD_MEDIUM_COPPER);
  ck_assert_int_eq (port (b, "FastEthernet4/1")->medium, CORD_MEDIUM_FIBER);
  ck_assert_ptr_null (cord_topology_connect (t, port (a, "FastEthernet0/1"),
                                             port (b, "FastEthernet4/1"), CORD_CABLE_AUTO, &error));
  expect_error (&error, CORD_ERROR_MEDIUM, "FastEthernet0/1", "SA", "FastEthernet4/1", "SB");
  ck_assert_uint_eq (cord_topology_get_n_links (t), 0);
  /* A refused edit leaves no history behind: undo removes SB. */
  ck_assert_str_eq (cord_topology_get_undo_label (t), "Add Device");
  ck_assert (!cord_topology_can_redo (t));
  ck_assert (cord_topology_undo (t, &error));
  ck_assert_uint_eq (cord_topology_get_n_devices (t), 1);
  ck_assert_ptr_null (cord_topology_find_device (t, "SB"));
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Cables: Automatic                                                       */
/* ---------------------------------------------------------------------- */

static const struct {
  const char *model_a, *port_a, *model_b, *port_b;
  CordCable   expected;
} auto_cases[] = {
  { "PC-PT",     "FastEthernet0",      "2960-24TT", "FastEthernet0/1",    CORD_CABLE_STRAIGHT },
  { "2960-24TT", "FastEthernet0/1",    "PC-PT",     "FastEthernet0",      CORD_CABLE_STRAIGHT },
  { "2960-24TT", "FastEthernet0/1",    "2960-24TT", "GigabitEthernet0/1", CORD_CABLE_CROSS },
  { "3560-24PS", "GigabitEthernet0/1", "2950-24",   "FastEthernet0/1",    CORD_CABLE_CROSS },
  { "1841",      "FastEthernet0/0",    "2811",      "FastEthernet0/1",    CORD_CABLE_CROSS },
  { "1941",      "GigabitEthernet0/0", "2901",      "GigabitEthernet0/0", CORD_CABLE_CROSS },
  { "PC-PT",     "FastEthernet0",      "PC-PT",     "FastEthernet0",      CORD_CABLE_CROSS },
  { "1841",      "FastEthernet0/0",    "2960-24TT", "FastEthernet0/1",    CORD_CABLE_STRAIGHT },
  { "2960-24TT", "GigabitEthernet0/2", "2911",      "GigabitEthernet0/2", CORD_CABLE_STRAIGHT },
  { "PC-PT",     "FastEthernet0",      "1841",      "FastEthernet0/1",    CORD_CABLE_CROSS },
  { "Server-PT", "FastEthernet0",      "2811",      "FastEthernet0/0",    CORD_CABLE_CROSS },
  { "Hub-PT",    "FastEthernet0",      "PC-PT",     "FastEthernet0",      CORD_CABLE_STRAIGHT },
  { "Laptop-PT", "FastEthernet0",      "Hub-PT",    "FastEthernet5",      CORD_CABLE_STRAIGHT },
  { "Hub-PT",    "FastEthernet1",      "2960-24TT", "FastEthernet0/1",    CORD_CABLE_CROSS },
  { "Router-PT", "Serial2/0",          "Router-PT", "Serial3/0",          CORD_CABLE_SERIAL_DCE },
  { "Switch-PT", "FastEthernet4/1",    "Switch-PT", "FastEthernet5/1",    CORD_CABLE_FIBER },
  { "Router-PT", "FastEthernet4/0",    "Switch-PT", "FastEthernet5/1",    CORD_CABLE_FIBER },
  { "PC-PT",     "RS 232",             "1841",      "Console",            CORD_CABLE_CONSOLE },
  { "2960-24TT", "Console",            "PC-PT",     "RS 232",             CORD_CABLE_CONSOLE },
};

START_TEST (test_cable_auto_choice)
{
  g_autoptr(CordTopology) t = new_topology ();
  CordDevice *a = add (t, auto_cases[_i].model_a, "A");
  CordDevice *b = add (t, auto_cases[_i].model_b, "B");
  CordPort *pa = port (a, auto_cases[_i].port_a);
  CordPort *pb = port (b, auto_cases[_i].port_b);
  CordLink *link;
  CordCable resolved = CORD_CABLE_AUTO;
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_cable_resolve (CORD_CABLE_AUTO, pa, pb, &resolved, &error),
                 "%s %s - %s %s: %s", auto_cases[_i].model_a, auto_cases[_i].port_a,
                 auto_cases[_i].model_b, auto_cases[_i].port_b, error ? error->message : "");
  ck_assert_msg (resolved == auto_cases[_i].expected, "%s %s - %s %s: resolved %s, expected %s",
                 auto_cases[_i].model_a, auto_cases[_i].port_a,
                 auto_cases[_i].model_b, auto_cases[_i].port_b,
                 cord_cable_to_string (resolved), cord_cable_to_string (auto_cases[_i].expected));
  link = connect_ok (t, pa, pb, CORD_CABLE_AUTO);
  ck_assert_int_eq (link->cable, auto_cases[_i].expected);
  /* What Automatic picks is always a working cable. */
  ck_assert_msg (link->state == CORD_LINK_UP, "%s - %s: link state %d", auto_cases[_i].model_a,
                 auto_cases[_i].model_b, link->state);
  ck_assert_uint_eq (cord_topology_get_n_links (t), 1);
}
END_TEST

START_TEST (test_cable_auto_serial_wic)
{
  g_autoptr(CordTopology) t = new_topology ();
  CordDevice *r1 = add (t, "1841", "R1");
  CordDevice *r2 = add (t, "2621XM", "R2");
  CordLink *link;

  power (t, r1, FALSE);
  power (t, r2, FALSE);
  insert (t, r1, "0/1", "HWIC-2T");
  insert (t, r2, "0/0", "WIC-1T");
  power (t, r1, TRUE);
  power (t, r2, TRUE);
  /* The end named first becomes the DCE. */
  link = connect_ok (t, port (r2, "Serial0/0"), port (r1, "Serial0/1/1"), CORD_CABLE_AUTO);
  ck_assert_int_eq (link->cable, CORD_CABLE_SERIAL_DCE);
  ck_assert_ptr_eq (link->ends[0]->device, r2);
  ck_assert_int_eq (link->state, CORD_LINK_UP);
}
END_TEST

START_TEST (test_cable_wrong_copper_kind)
{
  g_autoptr(CordTopology) t = new_topology ();
  CordDevice *pc1 = add (t, "PC-PT", "PC1");
  CordDevice *pc2 = add (t, "PC-PT", "PC2");
  CordDevice *pc3 = add (t, "PC-PT", "PC3");
  CordDevice *pc4 = add (t, "PC-PT", "PC4");
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordDevice *r1 = add (t, "1841", "R1");
  CordDevice *r2 = add (t, "1841", "R2");
  CordLink *link;

  link = connect_ok (t, port (pc1, "FastEthernet0"), port (pc2, "FastEthernet0"), CORD_CABLE_STRAIGHT);
  ck_assert_int_eq (link->cable, CORD_CABLE_STRAIGHT);
  ck_assert_int_eq (link->state, CORD_LINK_WRONG_CABLE);
  ck_assert (!cord_cable_is_correct (CORD_CABLE_STRAIGHT, link->ends[0], link->ends[1]));

  link = connect_ok (t, port (pc3, "FastEthernet0"), port (sw, "FastEthernet0/1"), CORD_CABLE_CROSS);
  ck_assert_int_eq (link->cable, CORD_CABLE_CROSS);
  ck_assert_int_eq (link->state, CORD_LINK_WRONG_CABLE);

  link = connect_ok (t, port (r1, "FastEthernet0/0"), port (r2, "FastEthernet0/0"), CORD_CABLE_STRAIGHT);
  ck_assert_int_eq (link->state, CORD_LINK_WRONG_CABLE);

  link = connect_ok (t, port (pc4, "FastEthernet0"), port (sw, "FastEthernet0/2"), CORD_CABLE_STRAIGHT);
  ck_assert_int_eq (link->state, CORD_LINK_UP);
  ck_assert (cord_cable_is_correct (CORD_CABLE_STRAIGHT, link->ends[0], link->ends[1]));

  link = connect_ok (t, port (r1, "FastEthernet0/1"), port (r2, "FastEthernet0/1"), CORD_CABLE_CROSS);
  ck_assert_int_eq (link->state, CORD_LINK_UP);
  link = connect_ok (t, port (sw, "GigabitEthernet0/1"), port (add (t, "2960-24TT", "S2"),
                                                                 "GigabitEthernet0/1"),
                     CORD_CABLE_CROSS);
  ck_assert_int_eq (link->state, CORD_LINK_UP);
  ck_assert_uint_eq (cord_topology_get_n_links (t), 6);
}
END_TEST

START_TEST (test_cable_strings)
{
  for (CordCable c = CORD_CABLE_STRAIGHT; c <= CORD_CABLE_AUTO; c++)
    {
      CordCable back = (CordCable) -1;

      ck_assert (cord_cable_from_string (cord_cable_to_string (c), &back));
      ck_assert_int_eq (back, c);
      ck_assert_ptr_nonnull (cord_cable_label (c));
    }
  {
    CordCable back = CORD_CABLE_STRAIGHT;

    ck_assert (!cord_cable_from_string ("coax", &back));
    ck_assert (!cord_cable_from_string ("", &back));
    ck_assert_int_eq (back, CORD_CABLE_STRAIGHT);
  }
  ck_assert_str_eq (cord_cable_to_string (CORD_CABLE_SERIAL_DCE), "serial-dce");
  ck_assert_str_eq (cord_cable_to_string (CORD_CABLE_CROSS), "cross");
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Links: one per port                                                     */
/* ---------------------------------------------------------------------- */

START_TEST (test_link_port_busy)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "1841", "R1");
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordDevice *pc = add (t, "PC-PT", "PC1");
  CordLink *link = connect_ok (t, port (r, "FastEthernet0/0"), port (sw, "FastEthernet0/1"),
                               CORD_CABLE_AUTO);

  ck_assert_ptr_null (cord_topology_connect (t, port (pc, "FastEthernet0"),
                                             port (sw, "FastEthernet0/1"), CORD_CABLE_AUTO, &error));
  expect_error (&error, CORD_ERROR_BUSY, "FastEthernet0/1", "S1");
  ck_assert_ptr_null (cord_topology_connect (t, port (r, "FastEthernet0/0"),
                                             port (sw, "FastEthernet0/2"), CORD_CABLE_STRAIGHT, &error));
  expect_error (&error, CORD_ERROR_BUSY, "FastEthernet0/0", "R1");
  /* Even the same pair again. */
  ck_assert_ptr_null (cord_topology_connect (t, port (r, "FastEthernet0/0"),
                                             port (sw, "FastEthernet0/1"), CORD_CABLE_AUTO, &error));
  expect_error (&error, CORD_ERROR_BUSY);
  ck_assert_uint_eq (cord_topology_get_n_links (t), 1);
  ck_assert_ptr_eq (port (sw, "FastEthernet0/1")->link, link);
  ck_assert_ptr_null (port (pc, "FastEthernet0")->link);
  ck_assert_ptr_null (port (sw, "FastEthernet0/2")->link);
  ck_assert_ptr_eq (cord_link_get_peer (link, port (r, "FastEthernet0/0")), port (sw, "FastEthernet0/1"));
  ck_assert_ptr_eq (cord_link_get_peer (link, port (sw, "FastEthernet0/1")), port (r, "FastEthernet0/0"));

  /* After the cable goes, the port is free again. */
  ck_assert (cord_topology_disconnect (t, link, &error));
  ck_assert_ptr_nonnull (connect_ok (t, port (pc, "FastEthernet0"), port (sw, "FastEthernet0/1"),
                                     CORD_CABLE_AUTO));
}
END_TEST

START_TEST (test_link_to_itself)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordPort *p = port (sw, "FastEthernet0/5");

  for (CordCable c = CORD_CABLE_STRAIGHT; c <= CORD_CABLE_AUTO; c++)
    {
      if (c == CORD_CABLE_FIBER || c == CORD_CABLE_SERIAL_DCE || c == CORD_CABLE_SERIAL_DTE ||
          c == CORD_CABLE_CONSOLE)
        continue;
      ck_assert_ptr_null (cord_topology_connect (t, p, p, c, &error));
      ck_assert_ptr_nonnull (error);
      ck_assert (error->domain == CORD_ERROR);
      ck_assert_ptr_nonnull (strstr (error->message, "FastEthernet0/5"));
      g_clear_error (&error);
    }
  ck_assert_ptr_null (p->link);
  ck_assert_uint_eq (cord_topology_get_n_links (t), 0);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Modules                                                                 */
/* ---------------------------------------------------------------------- */

START_TEST (test_module_needs_power_off)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "1841", "R1");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ck_assert (r->powered);
  before = snapshot (t);
  ck_assert (!cord_topology_insert_module (t, r, "0/0", "WIC-2T", &error));
  expect_error (&error, CORD_ERROR_POWERED, "R1", "power", "off");
  ck_assert_ptr_null (cord_device_get_module (r, "0/0"));
  after = snapshot (t);
  ck_assert_str_eq (before, after);

  power (t, r, FALSE);
  insert (t, r, "0/0", "WIC-2T");
  power (t, r, TRUE);
  ck_assert (!cord_topology_remove_module (t, r, "0/0", &error));
  expect_error (&error, CORD_ERROR_POWERED, "R1", "power", "off");
  ck_assert_ptr_nonnull (cord_device_get_module (r, "0/0"));
  ck_assert_ptr_nonnull (cord_device_find_port (r, "Serial0/0/0"));
  /* The refused removal is not an undo step: undo turns the power off. */
  ck_assert (cord_topology_undo (t, &error));
  ck_assert (!r->powered);
  ck_assert_ptr_nonnull (cord_device_get_module (r, "0/0"));
}
END_TEST

START_TEST (test_module_1841_ports)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "1841", "R1");
  g_autofree char *ports0 = port_list (r);
  g_autofree char *ports1 = NULL;
  g_autofree char *ports2 = NULL;
  g_autofree char *ports3 = NULL;

  ck_assert_str_eq (ports0, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary");
  power (t, r, FALSE);
  /* Inserted out of order, the ports still come out in slot order. */
  insert (t, r, "0/1", "HWIC-2T");
  ports1 = port_list (r);
  ck_assert_str_eq (ports1, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary,"
                            "Serial0/1/0,Serial0/1/1");
  insert (t, r, "0/0", "WIC-2T");
  ports2 = port_list (r);
  ck_assert_str_eq (ports2, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary,"
                            "Serial0/0/0,Serial0/0/1,Serial0/1/0,Serial0/1/1");
  ck_assert_str_eq (port (r, "Serial0/0/0")->slot, "0/0");
  ck_assert_str_eq (port (r, "Serial0/1/1")->slot, "0/1");
  ck_assert_ptr_null (port (r, "FastEthernet0/0")->slot);
  ck_assert_int_eq (port (r, "Serial0/0/1")->medium, CORD_MEDIUM_SERIAL);
  ck_assert_str_eq (port (r, "Serial0/0/1")->type, "Serial");
  ck_assert_uint_eq (r->modules->len, 2);
  ck_assert_str_eq (g_array_index (r->modules, CordInstalledModule, 0).slot, "0/0");
  ck_assert_str_eq (g_array_index (r->modules, CordInstalledModule, 1).slot, "0/1");

  ck_assert (cord_topology_remove_module (t, r, "0/0", &error));
  ports3 = port_list (r);
  ck_assert_str_eq (ports3, ports1);
  ck_assert_ptr_null (cord_device_get_module (r, "0/0"));
}
END_TEST

START_TEST (test_module_2621xm_wic)
{
  g_autoptr(CordTopology) t = new_topology ();
  CordDevice *r = add (t, "2621XM", "R1");
  g_autofree char *ports1 = NULL;
  g_autofree char *ports2 = NULL;

  power (t, r, FALSE);
  insert (t, r, "0/1", "WIC-2T");
  ports1 = port_list (r);
  ck_assert_str_eq (ports1, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary,Serial0/2,Serial0/3");
  insert (t, r, "0/0", "WIC-1T");
  ports2 = port_list (r);
  ck_assert_str_eq (ports2, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary,"
                            "Serial0/0,Serial0/2,Serial0/3");
}
END_TEST

START_TEST (test_module_2811_nm4e)
{
  g_autoptr(CordTopology) t = new_topology ();
  CordDevice *r = add (t, "2811", "R1");
  g_autofree char *ports = NULL;

  power (t, r, FALSE);
  insert (t, r, "1", "NM-4E");
  ports = port_list (r);
  ck_assert_str_eq (ports, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary,"
                           "Ethernet1/0,Ethernet1/1,Ethernet1/2,Ethernet1/3");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Ethernet1/%u", i);
      CordPort *p = port (r, name);

      ck_assert_int_eq (p->medium, CORD_MEDIUM_COPPER);
      ck_assert (cord_port_has_mac (p));
      ck_assert (!p->mdix);
    }
}
END_TEST

START_TEST (test_module_nm2fe2w_subslot)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "2621XM", "R1");
  g_autofree char *ports1 = NULL;
  g_autofree char *ports2 = NULL;
  g_autoptr(GPtrArray) slots_before = NULL;
  g_autoptr(GPtrArray) slots_after = NULL;

  power (t, r, FALSE);
  slots_before = cord_device_list_slots (r);
  ck_assert_uint_eq (slots_before->len, 3);
  /* The sub-slot does not exist until the module that carries it is in. */
  ck_assert (!cord_topology_insert_module (t, r, "W0", "WIC-2T", &error));
  expect_error (&error, CORD_ERROR_SLOT, "W0");

  insert (t, r, "1", "NM-2FE2W");
  slots_after = cord_device_list_slots (r);
  ck_assert_uint_eq (slots_after->len, 5);
  ck_assert_str_eq (((CordSlotSpec *) slots_after->pdata[3])->id, "W0");
  ck_assert_str_eq (((CordSlotSpec *) slots_after->pdata[4])->id, "W1");
  ports1 = port_list (r);
  ck_assert_str_eq (ports1, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary,"
                            "FastEthernet1/0,FastEthernet1/1");
  insert (t, r, "W0", "WIC-2T");
  ports2 = port_list (r);
  ck_assert_str_eq (ports2, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary,"
                            "FastEthernet1/0,FastEthernet1/1,Serial1/0,Serial1/1");
  /* An HWIC does not fit the module's WIC bay. */
  ck_assert (!cord_topology_insert_module (t, r, "W1", "HWIC-2T", &error));
  expect_error (&error, CORD_ERROR_SLOT, "HWIC-2T");
}
END_TEST

START_TEST (test_module_refusals)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r1841 = add (t, "1841", "R1");
  CordDevice *r2811 = add (t, "2811", "R2");
  CordDevice *r2621 = add (t, "2621XM", "R3");
  CordDevice *pc = add (t, "PC-PT", "PC1");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  power (t, r1841, FALSE);
  power (t, r2811, FALSE);
  power (t, r2621, FALSE);
  power (t, pc, FALSE);
  insert (t, r1841, "0/0", "WIC-2T");
  before = snapshot (t);

  /* Wrong family. */
  ck_assert (!cord_topology_insert_module (t, r2811, "1", "WIC-2T", &error));
  expect_error (&error, CORD_ERROR_SLOT, "WIC-2T");
  ck_assert (!cord_topology_insert_module (t, r1841, "0/1", "NM-4E", &error));
  expect_error (&error, CORD_ERROR_SLOT, "NM-4E");
  ck_assert (!cord_topology_insert_module (t, r2621, "0/0", "HWIC-2T", &error));
  expect_error (&error, CORD_ERROR_SLOT, "HWIC-2T");
  ck_assert (!cord_topology_insert_module (t, r1841, "0/1", "PT-HOST-NM-1CFE", &error));
  expect_error (&error, CORD_ERROR_SLOT);
  ck_assert (!cord_topology_insert_module (t, pc, "0", "PT-LAPTOP-NM-1CFE", &error));
  expect_error (&error, CORD_ERROR_SLOT);
  /* Taken slot. */
  ck_assert (!cord_topology_insert_module (t, r1841, "0/0", "WIC-1T", &error));
  expect_error (&error, CORD_ERROR_SLOT, "0/0", "WIC-2T");
  ck_assert (!cord_topology_insert_module (t, pc, "0", "PT-HOST-NM-1CGE", &error));
  expect_error (&error, CORD_ERROR_SLOT, "PT-HOST-NM-1CFE");
  /* Unknown slot. */
  ck_assert (!cord_topology_insert_module (t, r1841, "0/2", "WIC-2T", &error));
  expect_error (&error, CORD_ERROR_SLOT, "0/2", "R1");
  ck_assert (!cord_topology_insert_module (t, r2811, "2", "NM-4E", &error));
  expect_error (&error, CORD_ERROR_SLOT, "2");
  /* Unknown module. */
  ck_assert (!cord_topology_insert_module (t, r1841, "0/1", "WIC-9Z", &error));
  expect_error (&error, CORD_ERROR_UNKNOWN_MODULE, "WIC-9Z");
  /* Removing from an empty slot. */
  ck_assert (!cord_topology_remove_module (t, r1841, "0/1", &error));
  expect_error (&error, CORD_ERROR_SLOT, "0/1");

  after = snapshot (t);
  ck_assert_str_eq (before, after);
  ck_assert_str_eq (cord_topology_get_undo_label (t), "Insert Module");
}
END_TEST

START_TEST (test_module_remove_with_link)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "2811", "R1");
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordDevice *r2 = add (t, "1841", "R2");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  guint64 macs[4];
  guint link_id;

  power (t, r, FALSE);
  insert (t, r, "1", "NM-4E");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Ethernet1/%u", i);
      macs[i] = port (r, name)->mac;
      ck_assert (macs[i] != 0);
    }
  link_id = connect_ok (t, port (r, "Ethernet1/2"), port (sw, "FastEthernet0/7"), CORD_CABLE_AUTO)->id;
  connect_ok (t, port (r, "FastEthernet0/0"), port (r2, "FastEthernet0/0"), CORD_CABLE_AUTO);
  before = snapshot (t);

  ck_assert_msg (cord_topology_remove_module (t, r, "1", &error), "%s", error ? error->message : "");
  ck_assert_ptr_null (cord_device_get_module (r, "1"));
  ck_assert_ptr_null (cord_device_find_port (r, "Ethernet1/2"));
  ck_assert_ptr_null (port (sw, "FastEthernet0/7")->link);
  ck_assert_uint_eq (cord_topology_get_n_links (t), 1);
  after = snapshot (t);

  /* One undo step brings back both. */
  ck_assert (cord_topology_undo (t, &error));
  undone = snapshot (t);
  ck_assert_str_eq (undone, before);
  ck_assert_uint_eq (cord_topology_get_n_links (t), 2);
  ck_assert_ptr_nonnull (port (r, "Ethernet1/2")->link);
  ck_assert_uint_eq (port (r, "Ethernet1/2")->link->id, link_id);
  ck_assert_ptr_eq (cord_link_get_peer (port (r, "Ethernet1/2")->link, port (r, "Ethernet1/2")),
                    port (sw, "FastEthernet0/7"));
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Ethernet1/%u", i);
      ck_assert_uint_eq (port (r, name)->mac, macs[i]);
    }
  ck_assert (cord_topology_redo (t, &error));
  redone = snapshot (t);
  ck_assert_str_eq (redone, after);
}
END_TEST

START_TEST (test_module_remove_nested)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "2621XM", "R1");
  CordDevice *r2 = add (t, "2621XM", "R2");
  CordDevice *sw = add (t, "2960-24TT", "S1");
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *ports = NULL;

  power (t, r, FALSE);
  power (t, r2, FALSE);
  insert (t, r, "1", "NM-2FE2W");
  insert (t, r, "W0", "WIC-2T");
  insert (t, r2, "0/0", "WIC-2T");
  connect_ok (t, port (r, "Serial1/1"), port (r2, "Serial0/1"), CORD_CABLE_SERIAL_DTE);
  connect_ok (t, port (r, "FastEthernet1/0"), port (sw, "FastEthernet0/1"), CORD_CABLE_STRAIGHT);
  before = snapshot (t);

  ck_assert_msg (cord_topology_remove_module (t, r, "1", &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (r->modules->len, 0);
  ck_assert_ptr_null (cord_device_get_module (r, "W0"));
  ports = port_list (r);
  ck_assert_str_eq (ports, "FastEthernet0/0,FastEthernet0/1,Console,Auxiliary");
  ck_assert_uint_eq (cord_topology_get_n_links (t), 0);
  ck_assert_str_eq (cord_topology_get_undo_label (t), "Remove Module");

  ck_assert (cord_topology_undo (t, &error));
  undone = snapshot (t);
  ck_assert_str_eq (undone, before);
  ck_assert_str_eq (cord_device_get_module (r, "W0")->module->name, "WIC-2T");
  ck_assert_str_eq (cord_device_get_module (r, "1")->module->name, "NM-2FE2W");
  ck_assert_int_eq (port (r, "Serial1/1")->link->cable, CORD_CABLE_SERIAL_DTE);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Power and configs                                                       */
/* ---------------------------------------------------------------------- */

typedef struct {
  guint       device_added, device_removed, device_changed;
  guint       link_added, link_removed, link_changed;
  guint       note_added, note_removed, note_changed;
  guint       history_changed;
  guint       last_mask;
  CordDevice *last_device;
  char       *removed_name;       /* name of the last device removed */
  char       *removed_note;       /* text of the last note removed */
  gboolean    removed_was_intact;
} Counts;

static void
counts_clear (Counts *c)
{
  g_free (c->removed_name);
  g_free (c->removed_note);
}

static void
on_device_added (CordTopology *t, CordDevice *d, Counts *c)
{
  c->device_added++;
  ck_assert_ptr_eq (cord_topology_find_device (t, d->name), d);
}

static void
on_device_removed (CordTopology *t, CordDevice *d, Counts *c)
{
  c->device_removed++;
  g_free (c->removed_name);
  c->removed_name = g_strdup (d->name);
  c->removed_was_intact = cord_topology_find_device (t, d->name) == d && d->ports->len > 0;
}

static void
on_device_changed (CordTopology *t, CordDevice *d, guint mask, Counts *c)
{
  c->device_changed++;
  c->last_mask = mask;
  c->last_device = d;
}

static void on_link_added (CordTopology *t, CordLink *l, Counts *c) { c->link_added++; }
static void on_link_removed (CordTopology *t, CordLink *l, Counts *c)
{
  c->link_removed++;
  ck_assert_ptr_eq (l->ends[0]->link, l);
}
static void on_link_changed (CordTopology *t, CordLink *l, Counts *c) { c->link_changed++; }
static void on_note_added (CordTopology *t, CordNote *n, Counts *c) { c->note_added++; }
static void on_note_removed (CordTopology *t, CordNote *n, Counts *c)
{
  c->note_removed++;
  g_free (c->removed_note);
  c->removed_note = g_strdup (n->text);
}
static void on_note_changed (CordTopology *t, CordNote *n, Counts *c) { c->note_changed++; }
static void on_history_changed (CordTopology *t, Counts *c) { c->history_changed++; }

static void
watch (CordTopology *t,
       Counts       *c)
{
  memset (c, 0, sizeof *c);
  g_signal_connect (t, "device-added", G_CALLBACK (on_device_added), c);
  g_signal_connect (t, "device-removed", G_CALLBACK (on_device_removed), c);
  g_signal_connect (t, "device-changed", G_CALLBACK (on_device_changed), c);
  g_signal_connect (t, "link-added", G_CALLBACK (on_link_added), c);
  g_signal_connect (t, "link-removed", G_CALLBACK (on_link_removed), c);
  g_signal_connect (t, "link-changed", G_CALLBACK (on_link_changed), c);
  g_signal_connect (t, "note-added", G_CALLBACK (on_note_added), c);
  g_signal_connect (t, "note-removed", G_CALLBACK (on_note_removed), c);
  g_signal_connect (t, "note-changed", G_CALLBACK (on_note_changed), c);
  g_signal_connect (t, "history-changed", G_CALLBACK (on_history_changed), c);
}

START_TEST (test_power_links)
{
  g_autoptr(CordTopology) t = new_topology ();
  CordDevice *r = add (t, "1841", "R1");
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordDevice *pc = add (t, "PC-PT", "PC1");
  CordLink *l1 = connect_ok (t, port (r, "FastEthernet0/0"), port (sw, "FastEthernet0/1"), CORD_CABLE_AUTO);
  CordLink *l2 = connect_ok (t, port (pc, "FastEthernet0"), port (sw, "FastEthernet0/2"), CORD_CABLE_AUTO);
  Counts c;

  ck_assert_int_eq (l1->state, CORD_LINK_UP);
  ck_assert_int_eq (l2->state, CORD_LINK_UP);
  watch (t, &c);

  power (t, r, FALSE);
  ck_assert_int_eq (l1->state, CORD_LINK_DOWN);
  ck_assert_int_eq (l2->state, CORD_LINK_UP);
  ck_assert_uint_eq (c.link_changed, 1);
  ck_assert_uint_eq (c.device_changed, 1);
  ck_assert_ptr_eq (c.last_device, r);
  ck_assert (c.last_mask & CORD_DEVICE_CHANGED_POWER);
  ck_assert (!(c.last_mask & CORD_DEVICE_CHANGED_NAME));

  /* Powering off what is already off changes nothing. */
  power (t, r, FALSE);
  ck_assert_uint_eq (c.device_changed, 1);

  power (t, sw, FALSE);
  ck_assert_int_eq (l1->state, CORD_LINK_DOWN);
  ck_assert_int_eq (l2->state, CORD_LINK_DOWN);
  ck_assert_uint_eq (c.link_changed, 2);
  ck_assert_ptr_eq (c.last_device, sw);

  power (t, r, TRUE);
  ck_assert_int_eq (l1->state, CORD_LINK_DOWN);
  power (t, sw, TRUE);
  ck_assert_int_eq (l1->state, CORD_LINK_UP);
  ck_assert_int_eq (l2->state, CORD_LINK_UP);
  ck_assert (c.last_mask & CORD_DEVICE_CHANGED_POWER);
  ck_assert_uint_eq (c.device_changed, 4);
  ck_assert_uint_eq (c.link_changed, 4);
  counts_clear (&c);
}
END_TEST

START_TEST (test_power_cycle_config)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "1841", "R1");
  const char *saved = "hostname R1\n!\ninterface FastEthernet0/0\n ip address 10.0.0.1 255.0.0.0\n!\nend\n";

  /* Running-config saved as the startup-config survives. */
  ck_assert (cord_topology_set_config (t, r, CORD_CONFIG_STARTUP, saved, &error));
  ck_assert (cord_topology_set_config (t, r, CORD_CONFIG_RUNNING, saved, &error));
  power (t, r, FALSE);
  power (t, r, TRUE);
  ck_assert_str_eq (r->startup_config, saved);
  ck_assert_ptr_nonnull (r->running_config);
  ck_assert_str_eq (r->running_config, saved);

  /* Unsaved changes are lost. */
  ck_assert (cord_topology_set_config (t, r, CORD_CONFIG_RUNNING, "hostname Unsaved\n", &error));
  power (t, r, FALSE);
  power (t, r, TRUE);
  ck_assert_str_eq (r->running_config, saved);
  ck_assert_str_eq (r->startup_config, saved);
}
END_TEST

START_TEST (test_power_cycle_no_startup)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "2811", "R1");
  CordDevice *sw = add (t, "2960-24TT", "S1");

  ck_assert_ptr_null (r->startup_config);
  ck_assert (cord_topology_set_config (t, r, CORD_CONFIG_RUNNING, "hostname Lost\n", &error));
  ck_assert (cord_topology_set_config (t, sw, CORD_CONFIG_RUNNING, "hostname LostToo\n", &error));
  ck_assert_str_eq (r->running_config, "hostname Lost\n");
  power (t, r, FALSE);
  power (t, r, TRUE);
  power (t, sw, FALSE);
  power (t, sw, TRUE);
  ck_assert_ptr_null (r->startup_config);
  ck_assert_msg (r->running_config == NULL, "running-config survived: %s", r->running_config);
  ck_assert_msg (sw->running_config == NULL, "running-config survived: %s", sw->running_config);
}
END_TEST

START_TEST (test_power_undo_restores_running)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "1841", "R1");
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordLink *l = connect_ok (t, port (r, "FastEthernet0/0"), port (sw, "FastEthernet0/1"), CORD_CABLE_AUTO);
  const char *running = "hostname R1\ninterface FastEthernet0/0\n no shutdown\n";
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;

  ck_assert (cord_topology_set_config (t, r, CORD_CONFIG_STARTUP, "hostname Old\n", &error));
  ck_assert (cord_topology_set_config (t, r, CORD_CONFIG_RUNNING, running, &error));
  before = snapshot (t);
  power (t, r, FALSE);
  ck_assert_int_eq (l->state, CORD_LINK_DOWN);
  ck_assert_str_eq (cord_topology_get_undo_label (t), "Power Off");
  ck_assert (cord_topology_undo (t, &error));
  ck_assert (r->powered);
  ck_assert_str_eq (r->running_config, running);
  ck_assert_str_eq (r->startup_config, "hostname Old\n");
  ck_assert_int_eq (l->state, CORD_LINK_UP);
  undone = snapshot (t);
  ck_assert_str_eq (undone, before);

  /* Redo powers off again, and a second undo still restores the config. */
  ck_assert (cord_topology_redo (t, &error));
  ck_assert (!r->powered);
  ck_assert_int_eq (l->state, CORD_LINK_DOWN);
  ck_assert (cord_topology_undo (t, &error));
  ck_assert_str_eq (r->running_config, running);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Undo and redo                                                           */
/* ---------------------------------------------------------------------- */

/* R1 (1841) and R2 (2811 with NM-4E) cabled to S1, PC1 and PC2 on S1, a note
 * and some configs. */
static CordTopology *
build_lab (void)
{
  CordTopology *t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r1 = add (t, "1841", "R1");
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordDevice *pc1 = add (t, "PC-PT", "PC1");
  CordDevice *pc2 = add (t, "PC-PT", "PC2");
  CordDevice *r2 = add (t, "2811", "R2");
  CordHostIp host = { FALSE, 0xc0a80a02, 0xffffff00, 0xc0a80a01, 0x08080808 };

  ck_assert (cord_topology_move_device (t, pc2, 412.5, -37.25, &error));
  power (t, r2, FALSE);
  insert (t, r2, "1", "NM-4E");
  power (t, r2, TRUE);
  connect_ok (t, port (r1, "FastEthernet0/0"), port (sw, "FastEthernet0/1"), CORD_CABLE_AUTO);
  connect_ok (t, port (pc1, "FastEthernet0"), port (sw, "FastEthernet0/2"), CORD_CABLE_AUTO);
  connect_ok (t, port (r2, "Ethernet1/1"), port (sw, "FastEthernet0/3"), CORD_CABLE_AUTO);
  connect_ok (t, port (pc2, "RS 232"), port (r1, "Console"), CORD_CABLE_AUTO);
  ck_assert (cord_topology_set_config (t, r1, CORD_CONFIG_STARTUP, "hostname R1\n", &error));
  ck_assert (cord_topology_set_config (t, r1, CORD_CONFIG_RUNNING,
                                       "hostname R1\ninterface FastEthernet0/0\n", &error));
  ck_assert (cord_topology_set_host_ip (t, pc1, &host, &error));
  ck_assert_ptr_nonnull (cord_topology_add_note (t, 50, 60, "Core", &error));
  ck_assert_ptr_nonnull (cord_topology_add_note (t, -50, 60, "Edge", &error));
  return t;
}

static const char * const undo_edits[] = {
  "add device", "remove device with links", "move device", "rename device",
  "power off", "power on", "insert module", "remove module with link",
  "connect", "disconnect", "add note", "edit note", "remove note",
  "set startup-config", "set running-config", "clear running-config", "set host ip",
  "remove end device",
};

/* Runs edit @i; any preparation happens before the snapshot. */
static void
do_edit (CordTopology *t,
         guint         i,
         char        **before)
{
  g_autoptr(GError) error = NULL;
  CordDevice *r1 = cord_topology_find_device (t, "R1");
  CordDevice *r2 = cord_topology_find_device (t, "R2");
  CordDevice *sw = cord_topology_find_device (t, "S1");
  CordDevice *pc1 = cord_topology_find_device (t, "PC1");
  CordDevice *pc2 = cord_topology_find_device (t, "PC2");
  CordHostIp host = { TRUE, 0, 0, 0, 0x01010101 };
  gboolean ok = TRUE;

  /* Preparation. */
  switch (i)
    {
    case 5:
    case 6:
      power (t, r1, FALSE);
      break;
    case 7:
      power (t, r2, FALSE);
      break;
    default:
      break;
    }
  *before = snapshot (t);

  switch (i)
    {
    case 0:
      ok = cord_topology_add_device (t, "2901", NULL, 5, 6, &error) != NULL;
      break;
    case 1:
      ok = cord_topology_remove_device (t, sw, &error);
      ck_assert_uint_eq (cord_topology_get_n_links (t), 1);
      break;
    case 2:
      ok = cord_topology_move_device (t, r1, -120.75, 9999.5, &error);
      break;
    case 3:
      ok = cord_topology_rename_device (t, r1, "Edge Router", &error);
      ck_assert_ptr_null (cord_topology_find_device (t, "R1"));
      ck_assert_ptr_eq (cord_topology_find_device (t, "Edge Router"), r1);
      break;
    case 4:
      ok = cord_topology_set_power (t, r1, FALSE, &error);
      break;
    case 5:
      ok = cord_topology_set_power (t, r1, TRUE, &error);
      break;
    case 6:
      ok = cord_topology_insert_module (t, r1, "0/1", "HWIC-4ESW", &error);
      break;
    case 7:
      ok = cord_topology_remove_module (t, r2, "1", &error);
      ck_assert_uint_eq (cord_topology_get_n_links (t), 3);
      break;
    case 8:
      ok = cord_topology_connect (t, port (pc2, "FastEthernet0"), port (sw, "FastEthernet0/24"),
                                  CORD_CABLE_CROSS, &error) != NULL;
      break;
    case 9:
      ok = cord_topology_disconnect (t, port (sw, "FastEthernet0/2")->link, &error);
      break;
    case 10:
      ok = cord_topology_add_note (t, 1, 2, "New note", &error) != NULL;
      break;
    case 11:
      ok = cord_topology_edit_note (t, cord_topology_get_note (t, 0), 7, 8, "Core layer", &error);
      break;
    case 12:
      ok = cord_topology_remove_note (t, cord_topology_get_note (t, 0), &error);
      break;
    case 13:
      ok = cord_topology_set_config (t, r1, CORD_CONFIG_STARTUP, "hostname Saved\n", &error);
      break;
    case 14:
      ok = cord_topology_set_config (t, r1, CORD_CONFIG_RUNNING, "hostname Typed\n", &error);
      break;
    case 15:
      ok = cord_topology_set_config (t, r1, CORD_CONFIG_RUNNING, NULL, &error);
      ck_assert_ptr_null (r1->running_config);
      break;
    case 16:
      ok = cord_topology_set_host_ip (t, pc1, &host, &error);
      break;
    case 17:
      ok = cord_topology_remove_device (t, pc1, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  ck_assert_msg (ok, "%s failed: %s", undo_edits[i], error ? error->message : "no error");
}

START_TEST (test_undo_each_edit)
{
  g_autoptr(CordTopology) t = build_lab ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *what = undo_edits[_i];

  do_edit (t, _i, &before);
  after = snapshot (t);
  ck_assert_msg (strcmp (before, after) != 0, "%s changed nothing", what);
  ck_assert (cord_topology_can_undo (t));
  ck_assert (!cord_topology_can_redo (t));
  ck_assert_ptr_nonnull (cord_topology_get_undo_label (t));

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      g_autofree char *label = g_strdup (cord_topology_get_undo_label (t));

      ck_assert_msg (cord_topology_undo (t, &error), "undo of %s failed: %s", what,
                     error ? error->message : "no error");
      undone = snapshot (t);
      ck_assert_msg (strcmp (undone, before) == 0, "after undo of %s (round %u):\n%s\nexpected:\n%s",
                     what, round, undone, before);
      ck_assert (cord_topology_can_redo (t));
      ck_assert_str_eq (cord_topology_get_redo_label (t), label);
      ck_assert_msg (cord_topology_redo (t, &error), "redo of %s failed: %s", what,
                     error ? error->message : "no error");
      redone = snapshot (t);
      ck_assert_msg (strcmp (redone, after) == 0, "after redo of %s (round %u):\n%s\nexpected:\n%s",
                     what, round, redone, after);
      ck_assert (!cord_topology_can_redo (t));
      ck_assert_str_eq (cord_topology_get_undo_label (t), label);
    }
}
END_TEST

START_TEST (test_undo_whole_history)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CordTopology) lab = NULL;
  g_autoptr(GError) error = NULL;
  guint steps = 0;

  /* Build the lab one edit at a time, then undo everything and redo it all. */
  g_ptr_array_add (states, snapshot (t));
  g_clear_object (&t);
  lab = build_lab ();
  while (cord_topology_can_undo (lab))
    {
      g_ptr_array_add (states, snapshot (lab));
      ck_assert_msg (cord_topology_undo (lab, &error), "%s", error ? error->message : "");
      steps++;
    }
  ck_assert_uint_eq (cord_topology_get_n_devices (lab), 0);
  ck_assert_uint_eq (cord_topology_get_n_links (lab), 0);
  ck_assert_uint_eq (cord_topology_get_n_notes (lab), 0);
  {
    g_autofree char *empty = snapshot (lab);
    ck_assert_str_eq (empty, states->pdata[0]);
  }
  for (guint i = steps; i-- > 0;)
    {
      g_autofree char *now = NULL;

      ck_assert_msg (cord_topology_redo (lab, &error), "%s", error ? error->message : "");
      now = snapshot (lab);
      ck_assert_str_eq (now, states->pdata[i + 1]);
    }
  ck_assert (!cord_topology_can_redo (lab));
}
END_TEST

START_TEST (test_undo_new_edit_clears_redo)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *a = add (t, "1841", "A");

  add (t, "1841", "B");
  ck_assert (cord_topology_undo (t, &error));
  ck_assert_ptr_null (cord_topology_find_device (t, "B"));
  ck_assert (cord_topology_can_redo (t));
  ck_assert_str_eq (cord_topology_get_redo_label (t), "Add Device");
  ck_assert (cord_topology_move_device (t, a, 1, 1, &error));
  ck_assert (!cord_topology_can_redo (t));
  ck_assert_ptr_null (cord_topology_get_redo_label (t));
  ck_assert (cord_topology_undo (t, &error));
  ck_assert_double_eq (a->x, 10);
  ck_assert (cord_topology_undo (t, &error));
  ck_assert_uint_eq (cord_topology_get_n_devices (t), 0);
  ck_assert (!cord_topology_can_undo (t));
}
END_TEST

START_TEST (test_undo_group)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = snapshot (t);
  g_autofree char *built = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  CordDevice *r, *sw;
  Counts c;

  watch (t, &c);
  cord_topology_begin_group (t, "Build Lab");
  r = add (t, "1841", "R1");
  sw = add (t, "2960-24TT", "S1");
  cord_topology_begin_group (t, "Inner");
  connect_ok (t, port (r, "FastEthernet0/0"), port (sw, "FastEthernet0/1"), CORD_CABLE_AUTO);
  ck_assert (cord_topology_move_device (t, sw, 100, 100, &error));
  cord_topology_end_group (t);
  ck_assert (!cord_topology_can_undo (t));
  ck_assert_uint_eq (c.history_changed, 0);
  cord_topology_end_group (t);
  ck_assert_uint_eq (c.history_changed, 1);
  built = snapshot (t);

  ck_assert (cord_topology_can_undo (t));
  ck_assert_str_eq (cord_topology_get_undo_label (t), "Build Lab");
  ck_assert (cord_topology_undo (t, &error));
  undone = snapshot (t);
  ck_assert_str_eq (undone, empty);
  ck_assert (!cord_topology_can_undo (t));
  ck_assert_str_eq (cord_topology_get_redo_label (t), "Build Lab");
  ck_assert (cord_topology_redo (t, &error));
  redone = snapshot (t);
  ck_assert_str_eq (redone, built);

  /* An empty group leaves no step. */
  cord_topology_begin_group (t, "Nothing");
  cord_topology_end_group (t);
  ck_assert_str_eq (cord_topology_get_undo_label (t), "Build Lab");
  counts_clear (&c);
}
END_TEST

START_TEST (test_modified_tracking)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r;
  Counts c;

  watch (t, &c);
  ck_assert (!cord_topology_is_modified (t));
  r = add (t, "1841", "R1");
  ck_assert (cord_topology_is_modified (t));
  ck_assert_uint_eq (c.history_changed, 1);
  cord_topology_mark_saved (t);
  ck_assert (!cord_topology_is_modified (t));
  ck_assert_uint_eq (c.history_changed, 2);

  ck_assert (cord_topology_move_device (t, r, 3, 4, &error));
  ck_assert (cord_topology_is_modified (t));
  ck_assert_uint_eq (c.history_changed, 3);
  ck_assert (cord_topology_undo (t, &error));
  ck_assert_uint_eq (c.history_changed, 4);
  ck_assert (!cord_topology_is_modified (t));
  /* Undo past the save point. */
  ck_assert (cord_topology_undo (t, &error));
  ck_assert (cord_topology_is_modified (t));
  ck_assert_uint_eq (c.history_changed, 5);
  /* Redo back to it. */
  ck_assert (cord_topology_redo (t, &error));
  ck_assert (!cord_topology_is_modified (t));
  ck_assert_uint_eq (c.history_changed, 6);
  ck_assert (cord_topology_redo (t, &error));
  ck_assert (cord_topology_is_modified (t));
  ck_assert (cord_topology_undo (t, &error));
  ck_assert (!cord_topology_is_modified (t));
  /* Undoing the add destroyed R1 and redoing it built a new one. */
  r = cord_topology_find_device (t, "R1");
  ck_assert_ptr_nonnull (r);

  /* A different edit from the save point is a modification, even after
   * undoing back to the same number of steps. */
  ck_assert (cord_topology_rename_device (t, r, "R9", &error));
  ck_assert (cord_topology_is_modified (t));
  ck_assert (cord_topology_undo (t, &error));
  ck_assert (!cord_topology_is_modified (t));
  ck_assert (cord_topology_move_device (t, r, 8, 8, &error));
  ck_assert (cord_topology_is_modified (t));

  /* A refused edit does not count. */
  {
    guint before = c.history_changed;

    cord_topology_mark_saved (t);
    ck_assert (!cord_topology_move_device (t, r, NAN, 0, &error));
    g_clear_error (&error);
    ck_assert (!cord_topology_is_modified (t));
    ck_assert_uint_eq (c.history_changed, before + 1);
  }
  counts_clear (&c);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Signals                                                                 */
/* ---------------------------------------------------------------------- */

START_TEST (test_signals)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r, *sw, *pc;
  CordLink *l;
  CordNote *n;
  Counts c;

  watch (t, &c);
  r = add (t, "1841", "R1");
  sw = add (t, "2960-24TT", "S1");
  pc = add (t, "PC-PT", "PC1");
  ck_assert_uint_eq (c.device_added, 3);

  l = connect_ok (t, port (r, "FastEthernet0/0"), port (sw, "FastEthernet0/1"), CORD_CABLE_AUTO);
  connect_ok (t, port (pc, "FastEthernet0"), port (sw, "FastEthernet0/2"), CORD_CABLE_AUTO);
  ck_assert_uint_eq (c.link_added, 2);
  ck_assert_uint_eq (c.link_changed, 0);

  power (t, r, FALSE);
  ck_assert_uint_eq (c.link_changed, 1);
  ck_assert (c.last_mask & CORD_DEVICE_CHANGED_POWER);
  ck_assert (cord_topology_move_device (t, r, 1, 2, &error));
  ck_assert_uint_eq (c.last_mask, CORD_DEVICE_CHANGED_POSITION);
  ck_assert (cord_topology_rename_device (t, r, "Gateway", &error));
  ck_assert_uint_eq (c.last_mask, CORD_DEVICE_CHANGED_NAME);
  insert (t, r, "0/0", "WIC-2T");
  ck_assert_uint_eq (c.last_mask, CORD_DEVICE_CHANGED_MODULES);
  ck_assert (cord_topology_set_config (t, r, CORD_CONFIG_STARTUP, "hostname G\n", &error));
  ck_assert (c.last_mask & CORD_DEVICE_CHANGED_CONFIG);
  {
    CordHostIp host = { TRUE, 0, 0, 0, 0 };

    ck_assert (cord_topology_set_host_ip (t, pc, &host, &error));
    ck_assert_uint_eq (c.last_mask, CORD_DEVICE_CHANGED_HOST);
    ck_assert_ptr_eq (c.last_device, pc);
  }
  ck_assert_uint_eq (c.device_changed, 6);

  ck_assert (cord_topology_disconnect (t, l, &error));
  ck_assert_uint_eq (c.link_removed, 1);

  /* A device goes with its cables: link-removed first, then device-removed. */
  ck_assert (cord_topology_remove_device (t, sw, &error));
  ck_assert_uint_eq (c.link_removed, 2);
  ck_assert_uint_eq (c.device_removed, 1);
  ck_assert_str_eq (c.removed_name, "S1");
  ck_assert (c.removed_was_intact);
  ck_assert_ptr_null (cord_topology_find_device (t, "S1"));

  /* Undo brings both back and says so. */
  ck_assert (cord_topology_undo (t, &error));
  ck_assert_uint_eq (c.device_added, 4);
  ck_assert_uint_eq (c.link_added, 3);

  n = cord_topology_add_note (t, 0, 0, "Hello", &error);
  ck_assert_ptr_nonnull (n);
  ck_assert_uint_eq (c.note_added, 1);
  ck_assert (cord_topology_edit_note (t, n, 5, 5, "Goodbye", &error));
  ck_assert_uint_eq (c.note_changed, 1);
  ck_assert_str_eq (n->text, "Goodbye");
  ck_assert_double_eq (n->x, 5);
  ck_assert (cord_topology_remove_note (t, n, &error));
  ck_assert_uint_eq (c.note_removed, 1);
  ck_assert_str_eq (c.removed_note, "Goodbye");
  ck_assert_uint_eq (cord_topology_get_n_notes (t), 0);
  ck_assert (cord_topology_undo (t, &error));
  ck_assert_uint_eq (c.note_added, 2);
  ck_assert_uint_eq (cord_topology_get_n_notes (t), 1);
  ck_assert_str_eq (cord_topology_get_note (t, 0)->text, "Goodbye");

  /* A refused edit emits nothing. */
  {
    Counts before = c;

    ck_assert_ptr_null (cord_topology_add_device (t, "1841", "PC1", 0, 0, &error));
    g_clear_error (&error);
    ck_assert_uint_eq (c.device_added, before.device_added);
    ck_assert_uint_eq (c.history_changed, before.history_changed);
  }
  counts_clear (&c);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Names                                                                   */
/* ---------------------------------------------------------------------- */

START_TEST (test_names_next)
{
  g_autoptr(CordTopology) t = new_topology ();
  CordCatalog *catalog = cord_topology_get_catalog (t);
  const CordModelSpec *l3 = cord_catalog_lookup_model (catalog, "3560-24PS");
  g_autofree char *l3_name = NULL;

  ck_assert_ptr_nonnull (l3);
  l3_name = g_strdup_printf ("%s0", l3->prefix);
  ck_assert_str_eq (add (t, "1841", NULL)->name, "Router0");
  ck_assert_str_eq (add (t, "2811", NULL)->name, "Router1");
  ck_assert_str_eq (add (t, "PC-PT", NULL)->name, "PC0");
  ck_assert_str_eq (add (t, "2960-24TT", NULL)->name, "Switch0");
  ck_assert_str_eq (add (t, "Switch-PT", NULL)->name, "Switch1");
  ck_assert_str_eq (add (t, "3560-24PS", NULL)->name, l3_name);
  ck_assert_str_eq (add (t, "Hub-PT", NULL)->name, "Hub0");
  ck_assert_str_eq (add (t, "Server-PT", NULL)->name, "Server0");
  /* A name taken by hand is skipped. */
  add (t, "1841", "Router2");
  ck_assert_str_eq (add (t, "Router-PT", NULL)->name, "Router3");
}
END_TEST

START_TEST (test_names_lowest_free_after_remove)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  const CordModelSpec *router = cord_catalog_lookup_model (cord_topology_get_catalog (t), "1841");
  CordDevice *r0 = add (t, "1841", NULL);
  g_autofree char *next = NULL;

  add (t, "1841", NULL);
  add (t, "1841", NULL);
  ck_assert_str_eq (r0->name, "Router0");
  ck_assert (cord_topology_remove_device (t, r0, &error));
  next = cord_topology_next_name (t, router);
  ck_assert_str_eq (next, "Router0");
  ck_assert_str_eq (add (t, "2811", NULL)->name, "Router0");
  ck_assert_str_eq (add (t, "2811", NULL)->name, "Router3");
  /* Renaming frees the old name too. */
  ck_assert (cord_topology_rename_device (t, cord_topology_find_device (t, "Router1"), "Core", &error));
  ck_assert_str_eq (add (t, "1941", NULL)->name, "Router1");
  ck_assert_str_eq (add (t, "1941", NULL)->name, "Router4");
}
END_TEST

START_TEST (test_names_next_is_a_query)
{
  g_autoptr(CordTopology) t = new_topology ();
  const CordModelSpec *pc = cord_catalog_lookup_model (cord_topology_get_catalog (t), "PC-PT");
  g_autofree char *first = cord_topology_next_name (t, pc);
  g_autofree char *second = cord_topology_next_name (t, pc);

  ck_assert_str_eq (first, "PC0");
  /* Asking does not use the name up. */
  ck_assert_str_eq (second, "PC0");
  ck_assert_str_eq (add (t, "PC-PT", NULL)->name, "PC0");
}
END_TEST

START_TEST (test_names_refused_add_keeps_name)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;

  /* An add refused for its position must not use up the next name. */
  ck_assert_ptr_null (cord_topology_add_device (t, "PC-PT", NULL, NAN, 0, &error));
  expect_error (&error, CORD_ERROR_LIMIT);
  ck_assert_uint_eq (cord_topology_get_n_devices (t), 0);
  ck_assert_str_eq (add (t, "PC-PT", NULL)->name, "PC0");
}
END_TEST

START_TEST (test_names_after_undo_add)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;

  ck_assert_str_eq (add (t, "PC-PT", NULL)->name, "PC0");
  ck_assert (cord_topology_undo (t, &error));
  ck_assert_uint_eq (cord_topology_get_n_devices (t), 0);
  ck_assert_str_eq (add (t, "PC-PT", NULL)->name, "PC0");
}
END_TEST

START_TEST (test_names_invalid)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name64 = g_strnfill (64, 'n');
  g_autofree char *name65 = g_strnfill (65, 'n');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CordDevice *r = add (t, "1841", "R1");
  const char *bad[] = { "", "Tab\there", "Line\nbreak", "Bell\a", "Del\x7f", " Leading",
                        "Trailing ", "\t", "C1\xc2\x85" };

  add (t, "2960-24TT", "S1");
  before = snapshot (t);
  ck_assert_ptr_null (cord_topology_add_device (t, "1841", "R1", 0, 0, &error));
  expect_error (&error, CORD_ERROR_EXISTS, "R1");
  ck_assert_ptr_null (cord_topology_add_device (t, "PC-PT", "S1", 0, 0, &error));
  expect_error (&error, CORD_ERROR_EXISTS, "S1");
  ck_assert_ptr_null (cord_topology_add_device (t, "1841", name65, 0, 0, &error));
  expect_error (&error, CORD_ERROR_LIMIT, "64");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ck_assert_msg (cord_topology_add_device (t, "1841", bad[i], 0, 0, &error) == NULL,
                     "name %u accepted", i);
      ck_assert_msg (error != NULL && error->domain == CORD_ERROR &&
                     error->code == CORD_ERROR_INVALID, "name %u: %s", i,
                     error ? error->message : "no error");
      g_clear_error (&error);
      ck_assert_msg (!cord_topology_rename_device (t, r, bad[i], &error), "rename %u accepted", i);
      ck_assert_msg (error != NULL && error->code == CORD_ERROR_INVALID, "rename %u", i);
      g_clear_error (&error);
      ck_assert (!cord_name_is_valid (bad[i], NULL));
    }
  ck_assert (!cord_topology_rename_device (t, r, "S1", &error));
  expect_error (&error, CORD_ERROR_EXISTS, "S1");
  ck_assert (!cord_topology_rename_device (t, r, name65, &error));
  expect_error (&error, CORD_ERROR_LIMIT);
  ck_assert_ptr_null (cord_topology_add_device (t, "Nokia-3310", "Phone", 0, 0, &error));
  expect_error (&error, CORD_ERROR_UNKNOWN_MODEL, "Nokia-3310");
  after = snapshot (t);
  ck_assert_str_eq (before, after);
  ck_assert_str_eq (r->name, "R1");

  /* The limit itself, spaces inside and non-ASCII are fine. */
  ck_assert_str_eq (add (t, "1841", name64)->name, name64);
  ck_assert_str_eq (add (t, "1841", "Core Router 1")->name, "Core Router 1");
  ck_assert_str_eq (add (t, "1841", "Routeur-Église")->name, "Routeur-Église");
  ck_assert (cord_topology_rename_device (t, r, "R1-renamed", &error));
  ck_assert_ptr_eq (cord_topology_find_device (t, "R1-renamed"), r);
  ck_assert_ptr_null (cord_topology_find_device (t, "R1"));
}
END_TEST

START_TEST (test_names_too_long_message)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  GString *name = g_string_new (NULL);

  /* 65 three-byte characters: a message that cuts the name short must
   * still be valid UTF-8. */
  for (guint i = 0; i < 65; i++)
    g_string_append (name, "€");
  ck_assert_ptr_null (cord_topology_add_device (t, "1841", name->str, 0, 0, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_int_eq (error->code, CORD_ERROR_LIMIT);
  ck_assert_msg (g_utf8_validate (error->message, -1, NULL),
                 "the error message is not valid UTF-8");
  g_string_free (name, TRUE);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* MACs                                                                    */
/* ---------------------------------------------------------------------- */

START_TEST (test_mac_unique)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  const char *models[] = { "1841", "2811", "2621XM", "Router-PT", "2960-24TT", "3560-24PS",
                           "Switch-PT", "Hub-PT", "PC-PT", "Server-PT", "Laptop-PT", "Bridge-PT" };
  guint n_mac_ports = 0;

  for (guint round = 0; round < 10; round++)
    for (guint m = 0; m < G_N_ELEMENTS (models); m++)
      {
        CordDevice *d = add (t, models[m], NULL);

        if (strcmp (models[m], "2811") == 0)
          {
            power (t, d, FALSE);
            insert (t, d, "1", round % 2 ? "NM-4E" : "NM-ESW-161");
            insert (t, d, "0/0", "HWIC-4ESW");
            power (t, d, TRUE);
          }
      }
  /* Churn: removed and re-added devices and modules never share MACs. */
  for (guint i = 0; i < 5; i++)
    {
      CordDevice *d = cord_topology_get_device (t, i * 7);

      ck_assert (cord_topology_remove_device (t, d, &error));
      ck_assert (cord_topology_undo (t, &error));
      ck_assert (cord_topology_remove_device (t, cord_topology_get_device (t, i * 7 + 1), &error));
      add (t, models[i], NULL);
    }

  for (guint i = 0; i < cord_topology_get_n_devices (t); i++)
    {
      CordDevice *d = cord_topology_get_device (t, i);
      gboolean base_is_port = FALSE;

      for (guint p = 0; p < d->ports->len; p++)
        {
          CordPort *port = d->ports->pdata[p];

          if (!cord_port_has_mac (port))
            {
              ck_assert_uint_eq (port->mac, 0);
              continue;
            }
          ck_assert_msg ((port->mac & ~G_GUINT64_CONSTANT (0xffffff)) == CORD_MAC_OUI,
                         "%s %s has MAC %" G_GINT64_MODIFIER "x outside the OUI",
                         d->name, port->name, port->mac);
          ck_assert_msg (!g_hash_table_contains (seen, &port->mac),
                         "%s %s reuses MAC %" G_GINT64_MODIFIER "x", d->name, port->name, port->mac);
          g_hash_table_add (seen, g_memdup2 (&port->mac, sizeof port->mac));
          if (port->mac == d->mac_base)
            base_is_port = TRUE;
          n_mac_ports++;
        }
      /* A device's own base MAC is either its first port's or its own. */
      if (!base_is_port)
        {
          ck_assert_msg (d->mac_base != 0, "%s has no base MAC", d->name);
          ck_assert_msg (!g_hash_table_contains (seen, &d->mac_base),
                         "%s's base MAC is another port's", d->name);
          g_hash_table_add (seen, g_memdup2 (&d->mac_base, sizeof d->mac_base));
        }
    }
  ck_assert_uint_gt (n_mac_ports, 800);
}
END_TEST

START_TEST (test_mac_which_ports)
{
  g_autoptr(CordTopology) t = new_topology ();
  CordDevice *r = add (t, "1841", "R1");
  CordDevice *pc = add (t, "PC-PT", "PC1");
  CordDevice *sp = add (t, "Switch-PT", "SP");

  power (t, r, FALSE);
  insert (t, r, "0/0", "WIC-2T");
  insert (t, r, "0/1", "HWIC-8A");
  ck_assert (cord_port_has_mac (port (r, "FastEthernet0/0")));
  ck_assert (cord_port_has_mac (port (r, "FastEthernet0/1")));
  ck_assert_uint_eq (port (r, "FastEthernet0/1")->mac, port (r, "FastEthernet0/0")->mac + 1);
  ck_assert (!cord_port_has_mac (port (r, "Serial0/0/0")));
  ck_assert (!cord_port_has_mac (port (r, "Serial0/0/1")));
  ck_assert (!cord_port_has_mac (port (r, "Console")));
  ck_assert (!cord_port_has_mac (port (r, "Auxiliary")));
  ck_assert (!cord_port_has_mac (port (r, "Async0/1/7")));
  ck_assert (cord_port_has_mac (port (pc, "FastEthernet0")));
  ck_assert (!cord_port_has_mac (port (pc, "RS 232")));
  ck_assert (cord_port_has_mac (port (sp, "FastEthernet4/1")));
  ck_assert (!cord_port_has_mac (port (sp, "Console")));
}
END_TEST

START_TEST (test_mac_format_parse)
{
  const guint64 values[] = { CORD_MAC_OUI + 1, G_GUINT64_CONSTANT (0x000142abcdef),
                             G_GUINT64_CONSTANT (0xffffffffffff), 0,
                             G_GUINT64_CONSTANT (0x0a0b0c0d0e0f) };
  const char *bad[] = { "", "0001.42ab.cde", "0001.42ab.cdef0", "000142abcdef",
                        "0001-42ab-cdef", "00:01:42:ab:cd:ef", "0001.42ab.cdeg",
                        " 0001.42ab.cdef", "0001.42ab.cdef ", "0001..42abcdef",
                        "00014.2ab.cdef", ".000142ab.cdef", "0001.42ab.cdef.",
                        "0001.42ab.", "g001.42ab.cdef", "0001.42ab.cd\xc3\xa9" };
  guint64 mac = 0;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = cord_mac_format (values[i]);
      guint64 back = 1;

      ck_assert_uint_eq (strlen (text), 14);
      ck_assert (cord_mac_parse (text, &back));
      ck_assert_uint_eq (back, values[i]);
    }
  {
    g_autofree char *text = cord_mac_format (G_GUINT64_CONSTANT (0x000142abcdef));
    guint8 bytes[6];

    ck_assert_str_eq (text, "0001.42ab.cdef");
    cord_mac_to_bytes (G_GUINT64_CONSTANT (0x000142abcdef), bytes);
    ck_assert_uint_eq (bytes[0], 0x00);
    ck_assert_uint_eq (bytes[2], 0x42);
    ck_assert_uint_eq (bytes[5], 0xef);
  }
  ck_assert (cord_mac_parse ("0001.42AB.CDEF", &mac));
  ck_assert_uint_eq (mac, G_GUINT64_CONSTANT (0x000142abcdef));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      mac = 42;
      ck_assert_msg (!cord_mac_parse (bad[i], &mac), "“%s” parsed", bad[i]);
      ck_assert_uint_eq (mac, 42);
    }
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Port names                                                              */
/* ---------------------------------------------------------------------- */

#define lookup_is(d, text, expected) lookup_at (__FILE__, __LINE__, (d), (text), (expected))

static void
lookup_at (const char *file,
           int         line,
           CordDevice *device,
           const char *text,
           const char *expected)
{
  g_autoptr(GError) error = NULL;
  CordPort *p = cord_ifname_lookup (device, text, &error);

  ck_assert_msg (p != NULL, "%s:%d: “%s” on %s: %s", file, line, text, device->name,
                 error ? error->message : "no error");
  ck_assert_msg (strcmp (p->name, expected) == 0, "%s:%d: “%s” on %s gave %s, expected %s",
                 file, line, text, device->name, p->name, expected);
  ck_assert_ptr_eq (p->device, device);
}

START_TEST (test_ifname_lookup)
{
  g_autoptr(CordTopology) t = new_topology ();
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordDevice *r = add (t, "1841", "R1");
  CordDevice *r2 = add (t, "2811", "R2");
  CordDevice *pc = add (t, "PC-PT", "PC1");

  lookup_is (sw, "fa0/1", "FastEthernet0/1");
  lookup_is (sw, "Fa0/1", "FastEthernet0/1");
  lookup_is (sw, "FastEthernet0/1", "FastEthernet0/1");
  lookup_is (sw, "fastethernet0/12", "FastEthernet0/12");
  lookup_is (sw, "FASTETHERNET0/24", "FastEthernet0/24");
  lookup_is (sw, "f0/3", "FastEthernet0/3");
  lookup_is (sw, "Fast0/4", "FastEthernet0/4");
  lookup_is (sw, "gi0/2", "GigabitEthernet0/2");
  lookup_is (sw, "Gi 0/2", "GigabitEthernet0/2");
  lookup_is (sw, "g0/1", "GigabitEthernet0/1");
  lookup_is (sw, "GigabitEthernet0/1", "GigabitEthernet0/1");
  lookup_is (sw, "console", "Console");
  lookup_is (pc, "rs232", "RS 232");
  lookup_is (pc, "RS232", "RS 232");
  lookup_is (pc, "RS 232", "RS 232");
  lookup_is (pc, "fa0", "FastEthernet0");
  lookup_is (pc, "FastEthernet0", "FastEthernet0");
  lookup_is (r, "auxiliary", "Auxiliary");

  power (t, r, FALSE);
  insert (t, r, "0/0", "WIC-2T");
  lookup_is (r, "s0/0/0", "Serial0/0/0");
  lookup_is (r, "se0/0/1", "Serial0/0/1");
  lookup_is (r, "Serial0/0/1", "Serial0/0/1");
  lookup_is (r, "serial 0/0/0", "Serial0/0/0");
  lookup_is (r, "fa0/0", "FastEthernet0/0");
  power (t, r2, FALSE);
  insert (t, r2, "1", "NM-4E");
  lookup_is (r2, "e1/0", "Ethernet1/0");
  lookup_is (r2, "eth1/3", "Ethernet1/3");
  lookup_is (r2, "ethernet1/2", "Ethernet1/2");
  lookup_is (r2, "f0/1", "FastEthernet0/1");
}
END_TEST

START_TEST (test_ifname_unknown)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordDevice *r = add (t, "1841", "R1");
  const char *unknown[] = { "fa0/25", "fa1/1", "gi0/3", "s0/0/0", "x0/1", "fa", "0/1", "",
                            "FastEthernet", "fa0/1/0", "Ethernet0/1", "fa0/1x" };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      ck_assert_msg (cord_ifname_lookup (sw, unknown[i], &error) == NULL, "“%s” found", unknown[i]);
      ck_assert_msg (error != NULL && error->domain == CORD_ERROR &&
                     error->code == CORD_ERROR_UNKNOWN_PORT, "“%s”: wrong error", unknown[i]);
      ck_assert_msg (strstr (error->message, "S1") != NULL, "“%s”: %s", unknown[i], error->message);
      g_clear_error (&error);
    }
  /* Serial ports exist only once a card is in. */
  ck_assert_ptr_null (cord_ifname_lookup (r, "s0/0/0", &error));
  expect_error (&error, CORD_ERROR_UNKNOWN_PORT, "R1", "s0/0/0");
}
END_TEST

START_TEST (test_ifname_ambiguous)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "1841", "R1");

  lookup_is (r, "Auxiliary", "Auxiliary");
  power (t, r, FALSE);
  insert (t, r, "0/0", "HWIC-8A");
  ck_assert_ptr_null (cord_ifname_lookup (r, "a", &error));
  expect_error (&error, CORD_ERROR_UNKNOWN_PORT, "R1", "Async", "Auxiliary");
  ck_assert_ptr_null (cord_ifname_lookup (r, "a0/0/1", &error));
  expect_error (&error, CORD_ERROR_UNKNOWN_PORT, "ambiguous");
  lookup_is (r, "as0/0/1", "Async0/0/1");
  lookup_is (r, "Async0/0/7", "Async0/0/7");
  lookup_is (r, "auxiliary", "Auxiliary");
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Limits                                                                  */
/* ---------------------------------------------------------------------- */

START_TEST (test_limit_positions)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  const double bad[] = { NAN, INFINITY, -INFINITY, 1e8, -1e8, CORD_LIMIT_COORD * 1.0001 };
  CordDevice *r = add (t, "1841", "R1");
  CordNote *n = cord_topology_add_note (t, 1, 1, "n", &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ck_assert_ptr_nonnull (n);
  before = snapshot (t);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ck_assert_ptr_null (cord_topology_add_device (t, "1841", NULL, bad[i], 0, &error));
      expect_error (&error, CORD_ERROR_LIMIT);
      ck_assert_ptr_null (cord_topology_add_device (t, "1841", NULL, 0, bad[i], &error));
      expect_error (&error, CORD_ERROR_LIMIT);
      ck_assert (!cord_topology_move_device (t, r, bad[i], 0, &error));
      expect_error (&error, CORD_ERROR_LIMIT);
      ck_assert (!cord_topology_move_device (t, r, 0, bad[i], &error));
      expect_error (&error, CORD_ERROR_LIMIT);
      ck_assert_ptr_null (cord_topology_add_note (t, bad[i], 0, "x", &error));
      expect_error (&error, CORD_ERROR_LIMIT);
      ck_assert (!cord_topology_edit_note (t, n, 0, bad[i], "x", &error));
      expect_error (&error, CORD_ERROR_LIMIT);
    }
  after = snapshot (t);
  ck_assert_str_eq (before, after);
  ck_assert_double_eq (r->x, 10);
  ck_assert_double_eq (r->y, 20);
  ck_assert (cord_topology_move_device (t, r, CORD_LIMIT_COORD, -CORD_LIMIT_COORD, &error));
  ck_assert_double_eq (r->x, CORD_LIMIT_COORD);
  ck_assert_double_eq (r->y, -CORD_LIMIT_COORD);
}
END_TEST

START_TEST (test_limit_config_and_note_size)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *r = add (t, "1841", "R1");
  g_autofree char *big = g_strnfill (CORD_LIMIT_CONFIG_BYTES + 1, '!');
  g_autofree char *fits = g_strnfill (CORD_LIMIT_CONFIG_BYTES, '!');
  g_autofree char *big_note = g_strnfill (CORD_LIMIT_NOTE_BYTES + 1, 'n');

  ck_assert (!cord_topology_set_config (t, r, CORD_CONFIG_STARTUP, big, &error));
  expect_error (&error, CORD_ERROR_LIMIT);
  ck_assert (!cord_topology_set_config (t, r, CORD_CONFIG_RUNNING, big, &error));
  expect_error (&error, CORD_ERROR_LIMIT);
  ck_assert_ptr_null (r->startup_config);
  ck_assert_ptr_null (r->running_config);
  ck_assert (cord_topology_set_config (t, r, CORD_CONFIG_STARTUP, fits, &error));
  ck_assert_uint_eq (strlen (r->startup_config), CORD_LIMIT_CONFIG_BYTES);
  ck_assert (!cord_topology_set_config (t, r, CORD_CONFIG_RUNNING, "bad \xff utf-8", &error));
  expect_error (&error, CORD_ERROR_INVALID);

  ck_assert_ptr_null (cord_topology_add_note (t, 0, 0, big_note, &error));
  expect_error (&error, CORD_ERROR_LIMIT);
  ck_assert_uint_eq (cord_topology_get_n_notes (t), 0);
}
END_TEST

START_TEST (test_limit_wrong_kind)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  CordDevice *pc = add (t, "PC-PT", "PC1");
  CordDevice *r = add (t, "1841", "R1");
  CordDevice *hub = add (t, "Hub-PT", "H1");
  CordDevice *sw = add (t, "2960-24TT", "S1");
  CordHostIp host = { FALSE, 0x0a000001, 0xff000000, 0, 0 };
  g_autofree char *before = snapshot (t);
  g_autofree char *after = NULL;

  ck_assert (!cord_topology_set_config (t, pc, CORD_CONFIG_RUNNING, "hostname PC\n", &error));
  expect_error (&error, CORD_ERROR_NOT_SUPPORTED, "PC1");
  ck_assert (!cord_topology_set_config (t, pc, CORD_CONFIG_STARTUP, "hostname PC\n", &error));
  expect_error (&error, CORD_ERROR_NOT_SUPPORTED, "PC1");
  ck_assert (!cord_topology_set_config (t, hub, CORD_CONFIG_STARTUP, "x", &error));
  expect_error (&error, CORD_ERROR_NOT_SUPPORTED, "H1");
  ck_assert (!cord_topology_set_host_ip (t, r, &host, &error));
  expect_error (&error, CORD_ERROR_NOT_SUPPORTED, "R1");
  ck_assert (!cord_topology_set_host_ip (t, sw, &host, &error));
  expect_error (&error, CORD_ERROR_NOT_SUPPORTED, "S1");
  ck_assert (!cord_topology_set_host_ip (t, hub, &host, &error));
  expect_error (&error, CORD_ERROR_NOT_SUPPORTED, "H1");
  after = snapshot (t);
  ck_assert_str_eq (before, after);

  ck_assert (cord_topology_set_host_ip (t, pc, &host, &error));
  ck_assert_uint_eq (pc->host.address, 0x0a000001);
  ck_assert (cord_topology_set_config (t, sw, CORD_CONFIG_RUNNING, "hostname S1\n", &error));
  ck_assert_str_eq (sw->running_config, "hostname S1\n");
}
END_TEST

/* The counts of devices, links and notes are bounded (cord-limits.h): one
 * more than the limit is refused with CORD_ERROR_LIMIT and a message that
 * names the limit, and leaves the lab as it was. */
START_TEST (test_limit_device_count)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = g_strdup_printf ("%u devices", CORD_LIMIT_DEVICES);

  /* PCs without cables: the cheapest device to add. */
  for (guint i = 0; i < CORD_LIMIT_DEVICES; i++)
    ck_assert_msg (cord_topology_add_device (t, "PC-PT", NULL, 0, 0, &error) != NULL,
                   "device %u: %s", i + 1, error ? error->message : "");
  ck_assert_uint_eq (cord_topology_get_n_devices (t), CORD_LIMIT_DEVICES);
  ck_assert_ptr_null (cord_topology_add_device (t, "PC-PT", "One too many", 0, 0, &error));
  expect_error (&error, CORD_ERROR_LIMIT, "at most", limit);
  ck_assert_ptr_null (cord_topology_find_device (t, "One too many"));
  ck_assert_uint_eq (cord_topology_get_n_devices (t), CORD_LIMIT_DEVICES);

  /* Removing one makes room again. */
  ck_assert (cord_topology_remove_device (t, cord_topology_get_device (t, 0), &error));
  add (t, "PC-PT", "Fits again");
  ck_assert_uint_eq (cord_topology_get_n_devices (t), CORD_LIMIT_DEVICES);
}
END_TEST

START_TEST (test_limit_link_count)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = g_strdup_printf ("%u links", CORD_LIMIT_LINKS);
  CordDevice *a = NULL, *b = NULL;
  guint next = 0;

  /* Pairs of 2960s, each FastEthernet port of one cabled to the same
   * port of the other; a new pair when one is full. */
  while (cord_topology_get_n_links (t) < CORD_LIMIT_LINKS)
    {
      g_autofree char *name = NULL;

      if (a == NULL || next == 24)
        {
          a = add (t, "2960-24TT", NULL);
          b = add (t, "2960-24TT", NULL);
          next = 0;
        }
      name = g_strdup_printf ("FastEthernet0/%u", next + 1);
      ck_assert_msg (cord_topology_connect (t, port (a, name), port (b, name),
                                            CORD_CABLE_CROSS, &error) != NULL,
                     "link %u: %s", cord_topology_get_n_links (t) + 1,
                     error ? error->message : "");
      next++;
    }
  ck_assert_uint_eq (cord_topology_get_n_links (t), CORD_LIMIT_LINKS);

  /* Two free ports, on a fresh pair so nothing else stands in the way. */
  a = add (t, "2960-24TT", NULL);
  b = add (t, "2960-24TT", NULL);
  ck_assert_ptr_null (cord_topology_connect (t, port (a, "FastEthernet0/1"),
                                             port (b, "FastEthernet0/1"),
                                             CORD_CABLE_CROSS, &error));
  expect_error (&error, CORD_ERROR_LIMIT, "at most", limit);
  ck_assert_ptr_null (port (a, "FastEthernet0/1")->link);
  ck_assert_ptr_null (port (b, "FastEthernet0/1")->link);
  ck_assert_uint_eq (cord_topology_get_n_links (t), CORD_LIMIT_LINKS);

  /* Undo takes back the pair, then the last link. */
  ck_assert (cord_topology_undo (t, &error));
  ck_assert (cord_topology_undo (t, &error));
  ck_assert (cord_topology_undo (t, &error));
  ck_assert_uint_eq (cord_topology_get_n_links (t), CORD_LIMIT_LINKS - 1);
}
END_TEST

START_TEST (test_limit_note_count)
{
  g_autoptr(CordTopology) t = new_topology ();
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = g_strdup_printf ("%u notes", CORD_LIMIT_NOTES);

  for (guint i = 0; i < CORD_LIMIT_NOTES; i++)
    ck_assert_msg (cord_topology_add_note (t, 0, 0, "n", &error) != NULL,
                   "note %u: %s", i + 1, error ? error->message : "");
  ck_assert_ptr_null (cord_topology_add_note (t, 0, 0, "one too many", &error));
  expect_error (&error, CORD_ERROR_LIMIT, "at most", limit);
  ck_assert_uint_eq (cord_topology_get_n_notes (t), CORD_LIMIT_NOTES);
}
END_TEST

/* A lab file with one device more than the limit is refused, at the line
 * of the device that does not fit. */
START_TEST (test_limit_lab_device_count)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<patchcord-lab version=\"1\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CordTopology) t = NULL;
  g_autofree char *where = g_strdup_printf ("big.pclab:%u:", CORD_LIMIT_DEVICES + 3);
  g_autofree char *limit = g_strdup_printf ("%u devices", CORD_LIMIT_DEVICES);
  g_autofree char *last = g_strdup_printf ("  <device name=\"PC%u\"", CORD_LIMIT_DEVICES);

  for (guint i = 0; i <= CORD_LIMIT_DEVICES; i++)
    g_string_append_printf (xml, "  <device name=\"PC%u\" model=\"PC-PT\" x=\"0\" y=\"0\"/>\n", i);
  g_string_append (xml, "</patchcord-lab>\n");

  t = cord_lab_load_data (cord_catalog_get_default (), xml->str, xml->len, "big.pclab", &error);
  ck_assert_ptr_null (t);
  expect_error (&error, CORD_ERROR_LIMIT, where, limit);

  /* At the limit it loads. */
  g_string_truncate (xml, strstr (xml->str, last) - xml->str);
  g_string_append (xml, "</patchcord-lab>\n");
  t = cord_lab_load_data (cord_catalog_get_default (), xml->str, xml->len, "big.pclab", &error);
  ck_assert_msg (t != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (cord_topology_get_n_devices (t), CORD_LIMIT_DEVICES);
}
END_TEST

static Suite *
topology_suite (void)
{
  Suite *s = suite_create ("topology");
  TCase *tc;

  tc = tcase_create ("cables");
  tcase_add_test (tc, test_cable_fiber_on_copper);
  tcase_add_test (tc, test_cable_serial_on_copper);
  tcase_add_test (tc, test_cable_copper_on_serial);
  tcase_add_test (tc, test_cable_console_needs_terminal);
  tcase_add_test (tc, test_cable_wireless_takes_none);
  tcase_add_test (tc, test_cable_auto_copper_to_fiber);
  tcase_add_loop_test (tc, test_cable_auto_choice, 0, G_N_ELEMENTS (auto_cases));
  tcase_add_test (tc, test_cable_auto_serial_wic);
  tcase_add_test (tc, test_cable_wrong_copper_kind);
  tcase_add_test (tc, test_cable_strings);
  suite_add_tcase (s, tc);

  tc = tcase_create ("links");
  tcase_add_test (tc, test_link_port_busy);
  tcase_add_test (tc, test_link_to_itself);
  suite_add_tcase (s, tc);

  tc = tcase_create ("modules");
  tcase_add_test (tc, test_module_needs_power_off);
  tcase_add_test (tc, test_module_1841_ports);
  tcase_add_test (tc, test_module_2621xm_wic);
  tcase_add_test (tc, test_module_2811_nm4e);
  tcase_add_test (tc, test_module_nm2fe2w_subslot);
  tcase_add_test (tc, test_module_refusals);
  tcase_add_test (tc, test_module_remove_with_link);
  tcase_add_test (tc, test_module_remove_nested);
  suite_add_tcase (s, tc);

  tc = tcase_create ("power");
  tcase_add_test (tc, test_power_links);
  tcase_add_test (tc, test_power_cycle_config);
  tcase_add_test (tc, test_power_cycle_no_startup);
  tcase_add_test (tc, test_power_undo_restores_running);
  suite_add_tcase (s, tc);

  tc = tcase_create ("undo");
  tcase_add_loop_test (tc, test_undo_each_edit, 0, G_N_ELEMENTS (undo_edits));
  tcase_add_test (tc, test_undo_whole_history);
  tcase_add_test (tc, test_undo_new_edit_clears_redo);
  tcase_add_test (tc, test_undo_group);
  tcase_add_test (tc, test_modified_tracking);
  suite_add_tcase (s, tc);

  tc = tcase_create ("signals");
  tcase_add_test (tc, test_signals);
  suite_add_tcase (s, tc);

  tc = tcase_create ("names");
  tcase_add_test (tc, test_names_next);
  tcase_add_test (tc, test_names_lowest_free_after_remove);
  tcase_add_test (tc, test_names_next_is_a_query);
  tcase_add_test (tc, test_names_refused_add_keeps_name);
  tcase_add_test (tc, test_names_after_undo_add);
  tcase_add_test (tc, test_names_invalid);
  tcase_add_test (tc, test_names_too_long_message);
  suite_add_tcase (s, tc);

  tc = tcase_create ("macs");
  tcase_add_test (tc, test_mac_unique);
  tcase_add_test (tc, test_mac_which_ports);
  tcase_add_test (tc, test_mac_format_parse);
  suite_add_tcase (s, tc);

  tc = tcase_create ("ifnames");
  tcase_add_test (tc, test_ifname_lookup);
  tcase_add_test (tc, test_ifname_unknown);
  tcase_add_test (tc, test_ifname_ambiguous);
  suite_add_tcase (s, tc);

  tc = tcase_create ("limits");
  tcase_add_test (tc, test_limit_positions);
  tcase_add_test (tc, test_limit_config_and_note_size);
  tcase_add_test (tc, test_limit_wrong_kind);
  suite_add_tcase (s, tc);

  /* Tens of thousands of edits each: a few seconds under the sanitizers. */
  tc = tcase_create ("counts");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_limit_device_count);
  tcase_add_test (tc, test_limit_link_count);
  tcase_add_test (tc, test_limit_note_count);
  tcase_add_test (tc, test_limit_lab_device_count);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return cord_test_run (topology_suite ());
}
