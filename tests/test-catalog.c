/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the device catalog: every model, its port names, modules and slot naming. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "cord-error.h"
#include "topology.h"
#include "test-util.h"

static const char * const palette[] = {
  "1841", "1941", "2620XM", "2621XM", "2811", "2901", "2911", "Router-PT",
  "2950-24", "2950T-24", "2960-24TT", "3560-24PS", "Bridge-PT", "Switch-PT",
  "Hub-PT", "PC-PT", "Laptop-PT", "Server-PT",
};

/* The ports a new device of each model has, with its default modules,
 * in order. "FE a-b" expands to FastEthernet0/a … FastEthernet0/b. */
typedef struct {
  const char *model;
  const char *ports;
} ExpectedPorts;

static const ExpectedPorts expected_ports[] = {
  { "1841",      "FastEthernet0/0 FastEthernet0/1 Console Auxiliary" },
  { "1941",      "GigabitEthernet0/0 GigabitEthernet0/1 Console Auxiliary" },
  { "2620XM",    "FastEthernet0/0 Console Auxiliary" },
  { "2621XM",    "FastEthernet0/0 FastEthernet0/1 Console Auxiliary" },
  { "2811",      "FastEthernet0/0 FastEthernet0/1 Console Auxiliary" },
  { "2901",      "GigabitEthernet0/0 GigabitEthernet0/1 Console Auxiliary" },
  { "2911",      "GigabitEthernet0/0 GigabitEthernet0/1 GigabitEthernet0/2 Console Auxiliary" },
  { "Router-PT", "Console Auxiliary FastEthernet0/0 FastEthernet1/0 Serial2/0 Serial3/0 "
                 "FastEthernet4/0 FastEthernet5/0" },
  { "2950-24",   "FE 1-24 Console" },
  { "2950T-24",  "FE 1-24 GigabitEthernet0/1 GigabitEthernet0/2 Console" },
  { "2960-24TT", "FE 1-24 GigabitEthernet0/1 GigabitEthernet0/2 Console" },
  { "3560-24PS", "FE 1-24 GigabitEthernet0/1 GigabitEthernet0/2 Console" },
  { "Bridge-PT", "Ethernet0/1 Ethernet1/1" },
  { "Switch-PT", "Console FastEthernet0/1 FastEthernet1/1 FastEthernet2/1 FastEthernet3/1 "
                 "FastEthernet4/1 FastEthernet5/1" },
  { "Hub-PT",    "FastEthernet0 FastEthernet1 FastEthernet2 FastEthernet3 FastEthernet4 "
                 "FastEthernet5" },
  { "PC-PT",     "RS 232 FastEthernet0" },
  { "Laptop-PT", "RS 232 FastEthernet0" },
  { "Server-PT", "FastEthernet0" },
};

static GPtrArray *
expand_ports (const char *spec)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      int first, last;

      if (strcmp (words[i], "FE") == 0 && sscanf (words[i + 1], "%d-%d", &first, &last) == 2)
        {
          for (int n = first; n <= last; n++)
            g_ptr_array_add (names, g_strdup_printf ("FastEthernet0/%d", n));
          i++;
        }
      else if (strcmp (words[i], "RS") == 0)
        {
          g_ptr_array_add (names, g_strdup ("RS 232"));
          i++;
        }
      else
        g_ptr_array_add (names, g_strdup (words[i]));
    }
  return names;
}

static CordDevice *
add (CordTopology *topology,
     const char   *model)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = cord_topology_add_device (topology, model, NULL, 0, 0, &error);

  ck_assert_msg (device != NULL, "adding %s: %s", model, error ? error->message : "");
  return device;
}

START_TEST (test_palette_models)
{
  CordCatalog *catalog = cord_catalog_get_default ();

  ck_assert_uint_eq (cord_catalog_get_n_models (catalog), G_N_ELEMENTS (palette));
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      const CordModelSpec *model = cord_catalog_get_model (catalog, i);

      ck_assert_str_eq (model->name, palette[i]);
      ck_assert_ptr_eq (cord_catalog_lookup_model (catalog, palette[i]), model);
      ck_assert_msg (model->description != NULL && *model->description,
                     "%s has no description", model->name);
    }
  ck_assert_ptr_null (cord_catalog_lookup_model (catalog, "Router-9000"));
}
END_TEST

START_TEST (test_kinds_and_categories)
{
  CordCatalog *catalog = cord_catalog_get_default ();
  struct { const char *model; CordDeviceKind kind; CordCategory category; const char *prefix; } rows[] = {
    { "1841",      CORD_KIND_ROUTER,   CORD_CATEGORY_ROUTERS,     "Router" },
    { "Router-PT", CORD_KIND_ROUTER,   CORD_CATEGORY_ROUTERS,     "Router" },
    { "2960-24TT", CORD_KIND_SWITCH,   CORD_CATEGORY_SWITCHES,    "Switch" },
    { "3560-24PS", CORD_KIND_L3SWITCH, CORD_CATEGORY_SWITCHES,    "Multilayer Switch" },
    { "Bridge-PT", CORD_KIND_BRIDGE,   CORD_CATEGORY_SWITCHES,    "Bridge" },
    { "Hub-PT",    CORD_KIND_HUB,      CORD_CATEGORY_HUBS,        "Hub" },
    { "PC-PT",     CORD_KIND_PC,       CORD_CATEGORY_END_DEVICES, "PC" },
    { "Laptop-PT", CORD_KIND_LAPTOP,   CORD_CATEGORY_END_DEVICES, "Laptop" },
    { "Server-PT", CORD_KIND_SERVER,   CORD_CATEGORY_END_DEVICES, "Server" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const CordModelSpec *model = cord_catalog_lookup_model (catalog, rows[i].model);

      ck_assert_ptr_nonnull (model);
      ck_assert_int_eq (model->kind, rows[i].kind);
      ck_assert_int_eq (model->category, rows[i].category);
      ck_assert_str_eq (model->prefix, rows[i].prefix);
    }
}
END_TEST

START_TEST (test_model_ports)
{
  g_autoptr(CordTopology) topology = cord_topology_new (cord_catalog_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (expected_ports); i++)
    {
      CordDevice *device = add (topology, expected_ports[i].model);
      g_autoptr(GPtrArray) names = expand_ports (expected_ports[i].ports);
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint p = 0; p < device->ports->len; p++)
        g_string_append_printf (got, "%s%s", p ? "," : "",
                                ((CordPort *) device->ports->pdata[p])->name);
      ck_assert_msg (device->ports->len == names->len,
                     "%s: expected %u ports, got %u: %s", expected_ports[i].model,
                     names->len, device->ports->len, got->str);
      for (guint p = 0; p < names->len; p++)
        {
          CordPort *port = device->ports->pdata[p];

          ck_assert_msg (strcmp (port->name, names->pdata[p]) == 0,
                         "%s port %u: expected %s, got %s", expected_ports[i].model,
                         p, (char *) names->pdata[p], port->name);
          ck_assert_uint_eq (port->index, p);
        }
    }
}
END_TEST

START_TEST (test_2960_exact)
{
  const CordModelSpec *model = cord_catalog_lookup_model (cord_catalog_get_default (), "2960-24TT");
  guint fe = 0, gi = 0;

  ck_assert_ptr_nonnull (model);
  ck_assert_uint_eq (model->n_slots, 0);
  for (guint i = 0; i < model->n_ports; i++)
    {
      const CordPortSpec *port = &model->ports[i];

      if (strcmp (port->type, "FastEthernet") == 0)
        {
          g_autofree char *name = g_strdup_printf ("FastEthernet0/%u", ++fe);
          ck_assert_str_eq (port->name, name);
          ck_assert_int_eq (port->medium, CORD_MEDIUM_COPPER);
        }
      else if (strcmp (port->type, "GigabitEthernet") == 0)
        {
          g_autofree char *name = g_strdup_printf ("GigabitEthernet0/%u", ++gi);
          ck_assert_str_eq (port->name, name);
        }
      else
        {
          ck_assert_str_eq (port->name, "Console");
          ck_assert_int_eq (port->medium, CORD_MEDIUM_CONSOLE);
        }
    }
  ck_assert_uint_eq (fe, 24);
  ck_assert_uint_eq (gi, 2);
  ck_assert (model->mdix);
  ck_assert_str_eq (model->hostname, "Switch");
  ck_assert_ptr_nonnull (strstr (model->ios.software, "C2960"));
}
END_TEST

START_TEST (test_ios_info)
{
  CordCatalog *catalog = cord_catalog_get_default ();

  for (guint i = 0; i < cord_catalog_get_n_models (catalog); i++)
    {
      const CordModelSpec *model = cord_catalog_get_model (catalog, i);
      gboolean ios = model->ios.software != NULL;

      /* Bridge-PT has no CLI though it sits among the switches. */
      if (model->kind == CORD_KIND_BRIDGE || model->kind == CORD_KIND_HUB ||
          cord_kind_is_host (model->kind))
        ck_assert_msg (!ios && model->hostname == NULL, "%s should have no IOS", model->name);
      else
        ck_assert_msg (ios && model->hostname != NULL && model->ios.image != NULL,
                       "%s lacks IOS facts", model->name);
      ck_assert_int_eq (model->mdix, model->category == CORD_CATEGORY_SWITCHES ||
                                     model->category == CORD_CATEGORY_HUBS);
    }
}
END_TEST

START_TEST (test_modules)
{
  CordCatalog *catalog = cord_catalog_get_default ();
  static const char * const required[] = {
    "WIC-1T", "WIC-2T", "HWIC-2T", "HWIC-4ESW", "WIC-1ENET", "NM-1FE-TX",
    "NM-2FE2W", "NM-4E", "NM-ESW-161", "PT-ROUTER-NM-1CFE", "PT-ROUTER-NM-1S",
    "PT-ROUTER-NM-1FFE", "PT-SWITCH-NM-1CFE", "PT-SWITCH-NM-1FFE",
    "PT-HOST-NM-1CFE", "PT-HOST-NM-1W", "PT-LAPTOP-NM-1CFE", "PT-REPEATER-NM-1CFE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    ck_assert_msg (cord_catalog_lookup_module (catalog, required[i]) != NULL,
                   "missing module %s", required[i]);

  /* Every module fits somewhere, and says what it is. */
  for (guint m = 0; m < cord_catalog_get_n_modules (catalog); m++)
    {
      const CordModuleSpec *module = cord_catalog_get_module (catalog, m);
      gboolean fits = FALSE;

      ck_assert_msg (*module->description != '\0', "%s has no description", module->name);
      ck_assert_uint_gt (module->n_ports, 0);
      for (guint i = 0; i < cord_catalog_get_n_models (catalog) && !fits; i++)
        {
          const CordModelSpec *model = cord_catalog_get_model (catalog, i);

          for (guint s = 0; s < model->n_slots && !fits; s++)
            fits = cord_slot_accepts (&model->slots[s], module);
        }
      ck_assert_msg (fits, "%s fits no model's slot", module->name);
    }
}
END_TEST

static void
check_module_ports (const char         *model,
                    const char * const *modules,   /* slot, module, slot, module …, NULL */
                    const char         *expected)  /* ports added, space separated */
{
  g_autoptr(CordTopology) topology = cord_topology_new (cord_catalog_get_default ());
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_strsplit (expected, " ", -1);
  CordDevice *device = add (topology, model);
  guint before, n = g_strv_length (names);

  ck_assert (cord_topology_set_power (topology, device, FALSE, &error));
  before = device->ports->len;
  for (guint i = 0; modules[i] != NULL; i += 2)
    ck_assert_msg (cord_topology_insert_module (topology, device, modules[i], modules[i + 1], &error),
                   "%s into %s slot %s: %s", modules[i + 1], model, modules[i],
                   error ? error->message : "");
  ck_assert_uint_eq (device->ports->len, before + n);
  for (guint i = 0; i < n; i++)
    ck_assert_str_eq (((CordPort *) device->ports->pdata[before + i])->name, names[i]);
}

START_TEST (test_slot_naming)
{
  check_module_ports ("1841", (const char *[]) { "0/1", "HWIC-2T", "0/0", "WIC-2T", NULL },
                      "Serial0/0/0 Serial0/0/1 Serial0/1/0 Serial0/1/1");
  check_module_ports ("2621XM", (const char *[]) { "0/0", "WIC-2T", "0/1", "WIC-2T", NULL },
                      "Serial0/0 Serial0/1 Serial0/2 Serial0/3");
  check_module_ports ("2811", (const char *[]) { "1", "NM-4E", NULL },
                      "Ethernet1/0 Ethernet1/1 Ethernet1/2 Ethernet1/3");
  check_module_ports ("2811", (const char *[]) { "0/1", "HWIC-4ESW", NULL },
                      "FastEthernet0/1/0 FastEthernet0/1/1 FastEthernet0/1/2 FastEthernet0/1/3");
  check_module_ports ("2621XM", (const char *[]) { "1", "NM-2FE2W", "W0", "WIC-2T", NULL },
                      "FastEthernet1/0 FastEthernet1/1 Serial1/0 Serial1/1");
  check_module_ports ("1941", (const char *[]) { "0/0", "HWIC-2T", NULL },
                      "Serial0/0/0 Serial0/0/1");
}
END_TEST

START_TEST (test_switchport_modules_are_mdix)
{
  g_autoptr(CordTopology) topology = cord_topology_new (cord_catalog_get_default ());
  g_autoptr(GError) error = NULL;
  CordDevice *router = add (topology, "2811");
  CordPort *port;

  ck_assert (cord_topology_set_power (topology, router, FALSE, &error));
  ck_assert (cord_topology_insert_module (topology, router, "1", "NM-ESW-161", &error));
  port = cord_device_find_port (router, "FastEthernet1/15");
  ck_assert_ptr_nonnull (port);
  ck_assert (port->switchport);
  ck_assert (port->mdix);
  ck_assert (!cord_device_find_port (router, "FastEthernet0/0")->mdix);
}
END_TEST

static void
expect_bad_catalog (const char *xml,
                    const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(CordCatalog) catalog = cord_catalog_new_from_bytes (bytes, "cat.xml", &error);

  ck_assert_ptr_null (catalog);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strcmp (error->message, message) == 0, "expected “%s”, got “%s”",
                 message, error->message);
}

START_TEST (test_bad_catalogs)
{
  expect_bad_catalog ("<models/>", "cat.xml:1: the root element must be <catalog>");
  expect_bad_catalog ("<catalog>\n<module name=\"X\" family=\"nm\"><port type=\"Serial\" "
                      "medium=\"string\" count=\"1\"/></module></catalog>",
                      "cat.xml:2: unknown medium \"string\"");
  expect_bad_catalog ("<catalog>\n<module name=\"X\" family=\"nm\"><port type=\"Serial\" "
                      "medium=\"serial\" count=\"1\"/></module>\n"
                      "<model name=\"R\" kind=\"router\" category=\"routers\" prefix=\"R\">"
                      "<slot id=\"0\" accepts=\"wic\" ports=\"{type}{n}\"/>"
                      "<default slot=\"0\" module=\"X\"/></model></catalog>",
                      "cat.xml: model R has a default module X that does not fit slot 0");
  expect_bad_catalog ("<catalog>\n<model name=\"R\" kind=\"toaster\" category=\"routers\" "
                      "prefix=\"R\"/></catalog>",
                      "cat.xml:2: unknown device kind \"toaster\"");
  expect_bad_catalog ("<catalog>\n<model name=\"R\" kind=\"router\" category=\"routers\" "
                      "prefix=\"R\" colour=\"red\"/></catalog>",
                      "cat.xml:2: <model> has an unknown attribute \"colour\"");
}
END_TEST

START_TEST (test_catalog_file_matches_builtin)
{
  g_autofree char *path = g_build_filename (TOP_SRCDIR, "data", "catalog.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CordCatalog) catalog = cord_catalog_new_from_file (path, &error);

  ck_assert_msg (catalog != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (cord_catalog_get_n_models (catalog),
                     cord_catalog_get_n_models (cord_catalog_get_default ()));
  ck_assert_uint_eq (cord_catalog_get_n_modules (catalog),
                     cord_catalog_get_n_modules (cord_catalog_get_default ()));
}
END_TEST

static Suite *
catalog_suite (void)
{
  Suite *suite = suite_create ("catalog");
  TCase *models = tcase_create ("models");
  TCase *modules = tcase_create ("modules");
  TCase *loading = tcase_create ("loading");

  tcase_add_test (models, test_palette_models);
  tcase_add_test (models, test_kinds_and_categories);
  tcase_add_test (models, test_model_ports);
  tcase_add_test (models, test_2960_exact);
  tcase_add_test (models, test_ios_info);
  tcase_add_test (modules, test_modules);
  tcase_add_test (modules, test_slot_naming);
  tcase_add_test (modules, test_switchport_modules_are_mdix);
  tcase_add_test (loading, test_bad_catalogs);
  tcase_add_test (loading, test_catalog_file_matches_builtin);
  suite_add_tcase (suite, models);
  suite_add_tcase (suite, modules);
  suite_add_tcase (suite, loading);
  return suite;
}

int
main (void)
{
  return cord_test_run (catalog_suite ());
}
