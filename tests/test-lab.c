/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for lab files: round trips, the schema, malformed files and atomic saving. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cord-error.h"
#include "cord-limits.h"
#include "lab.h"
#include "test-util.h"

static CordDevice *
add (CordTopology *topology,
     const char   *model,
     const char   *name,
     double        x,
     double        y)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = cord_topology_add_device (topology, model, name, x, y, &error);

  ck_assert_msg (device != NULL, "%s", error ? error->message : "");
  return device;
}

static void
link_ports (CordTopology *topology,
            CordDevice   *a,
            const char   *pa,
            CordDevice   *b,
            const char   *pb,
            CordCable     cable)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_topology_connect (topology, cord_device_find_port (a, pa),
                                        cord_device_find_port (b, pb), cable, &error) != NULL,
                 "%s", error ? error->message : "");
}

/* A lab that uses every feature of the format. */
static CordTopology *
build_rich_lab (void)
{
  CordTopology *topology = cord_topology_new (cord_catalog_get_default ());
  g_autoptr(GError) error = NULL;
  CordDevice *r1, *r2, *s1, *s2, *pc, *laptop, *server, *hub, *off;
  CordHostIp ip = { FALSE, 0x0a00000a, 0xff000000, 0x0a000001, 0x08080808 };

  r1 = add (topology, "1841", "R1", 100.5, -20.25);
  r2 = add (topology, "2811", "R2 & <Branch> \"East\"", 400, 0);
  s1 = add (topology, "2960-24TT", "S1", 100, 200);
  s2 = add (topology, "Switch-PT", "Switch Ω", 300, 200);
  pc = add (topology, "PC-PT", "PC0", 50, 400);
  laptop = add (topology, "Laptop-PT", "Laptop0", 150, 400);
  server = add (topology, "Server-PT", "Server0", 250, 400);
  hub = add (topology, "Hub-PT", "Hub0", 350, 400);
  off = add (topology, "Router-PT", "R3", 1e-3, 123456.789);

  ck_assert (cord_topology_set_power (topology, r1, FALSE, &error));
  ck_assert (cord_topology_insert_module (topology, r1, "0/0", "WIC-2T", &error));
  ck_assert (cord_topology_set_power (topology, r1, TRUE, &error));
  ck_assert (cord_topology_set_power (topology, r2, FALSE, &error));
  ck_assert (cord_topology_insert_module (topology, r2, "0/1", "HWIC-2T", &error));
  ck_assert (cord_topology_insert_module (topology, r2, "1", "NM-ESW-161", &error));
  ck_assert (cord_topology_set_power (topology, r2, TRUE, &error));
  ck_assert (cord_topology_set_power (topology, off, FALSE, &error));
  ck_assert (cord_topology_remove_module (topology, off, "5", &error));

  ck_assert (cord_topology_set_config (topology, r1, CORD_CONFIG_STARTUP,
                                       "hostname R1\n!\ninterface FastEthernet0/0\n"
                                       " ip address 10.0.0.1 255.0.0.0\n no shutdown\n!\nend\n",
                                       &error));
  ck_assert (cord_topology_set_config (topology, r1, CORD_CONFIG_RUNNING,
                                       "hostname R1\r\nbanner motd ^C<&> \"quoted\"\t^C\nend\n",
                                       &error));
  ck_assert (cord_topology_set_config (topology, s1, CORD_CONFIG_VLAN_DATABASE,
                                       "vlan 10\n name Staff\n!\nvlan 20\n name Guests\n", &error));
  ck_assert (!cord_topology_set_config (topology, r1, CORD_CONFIG_VLAN_DATABASE, "vlan 10\n", &error));
  g_clear_error (&error);
  ck_assert (cord_topology_set_host_ip (topology, pc, &ip, &error));
  ip.dhcp = TRUE;
  ip.address = 0;
  ck_assert (cord_topology_set_host_ip (topology, laptop, &ip, &error));

  link_ports (topology, r1, "FastEthernet0/0", s1, "GigabitEthernet0/1", CORD_CABLE_AUTO);
  link_ports (topology, r1, "Serial0/0/0", r2, "Serial0/1/1", CORD_CABLE_SERIAL_DTE);
  link_ports (topology, s1, "FastEthernet0/1", pc, "FastEthernet0", CORD_CABLE_AUTO);
  link_ports (topology, s1, "FastEthernet0/2", laptop, "FastEthernet0", CORD_CABLE_CROSS);
  link_ports (topology, s2, "FastEthernet0/1", server, "FastEthernet0", CORD_CABLE_STRAIGHT);
  link_ports (topology, s2, "FastEthernet1/1", hub, "FastEthernet0", CORD_CABLE_CROSS);
  link_ports (topology, s2, "FastEthernet4/1", s2, "FastEthernet5/1", CORD_CABLE_FIBER);
  link_ports (topology, pc, "RS 232", r1, "Console", CORD_CABLE_AUTO);
  link_ports (topology, r2, "FastEthernet1/3", s1, "FastEthernet0/24", CORD_CABLE_AUTO);

  ck_assert_ptr_nonnull (cord_topology_add_note (topology, 10, 20, "VLAN 10 = staff\n"
                                                 "<b>&amp;</b> \"tabs\"\there\r\nend", &error));
  ck_assert_ptr_nonnull (cord_topology_add_note (topology, -5, 1e6, "", &error));
  return topology;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

START_TEST (test_round_trip)
{
  g_autoptr(CordTopology) topology = build_rich_lab ();
  g_autoptr(GBytes) first = cord_lab_to_bytes (topology);
  g_autoptr(GError) error = NULL;
  g_autoptr(CordTopology) loaded = NULL;
  g_autoptr(GBytes) second = NULL;
  gsize len;
  const char *data = g_bytes_get_data (first, &len);
  CordDevice *r1, *pc, *laptop;

  loaded = cord_lab_load_data (cord_catalog_get_default (), data, len, "rich.pclab", &error);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "");
  second = cord_lab_to_bytes (loaded);
  ck_assert_msg (g_bytes_equal (first, second), "round trip differs:\n%s\n---\n%s",
                 bytes_to_string (first), bytes_to_string (second));

  /* The content really came back, not only the same bytes. */
  ck_assert_uint_eq (cord_topology_get_n_devices (loaded), 9);
  ck_assert_uint_eq (cord_topology_get_n_links (loaded), 9);
  ck_assert_uint_eq (cord_topology_get_n_notes (loaded), 2);
  r1 = cord_topology_find_device (loaded, "R1");
  ck_assert_ptr_nonnull (r1);
  ck_assert (r1->x == 100.5 && r1->y == -20.25);
  ck_assert_str_eq (r1->running_config, "hostname R1\r\nbanner motd ^C<&> \"quoted\"\t^C\nend\n");
  ck_assert_ptr_nonnull (cord_device_find_port (r1, "Serial0/0/1"));
  ck_assert_str_eq (cord_topology_find_device (loaded, "S1")->vlan_database,
                    "vlan 10\n name Staff\n!\nvlan 20\n name Guests\n");
  ck_assert_int_eq (cord_device_find_port (r1, "Serial0/0/0")->link->cable, CORD_CABLE_SERIAL_DTE);
  ck_assert_ptr_nonnull (cord_topology_find_device (loaded, "R2 & <Branch> \"East\""));
  ck_assert (!cord_topology_find_device (loaded, "R3")->powered);
  pc = cord_topology_find_device (loaded, "PC0");
  ck_assert_uint_eq (pc->host.address, 0x0a00000a);
  ck_assert_uint_eq (pc->host.dns, 0x08080808);
  laptop = cord_topology_find_device (loaded, "Laptop0");
  ck_assert (laptop->host.dhcp);
  ck_assert_int_eq (cord_device_find_port (laptop, "FastEthernet0")->link->state, CORD_LINK_WRONG_CABLE);
  ck_assert_str_eq (cord_topology_get_note (loaded, 0)->text,
                    "VLAN 10 = staff\n<b>&amp;</b> \"tabs\"\there\r\nend");
  /* MACs are kept, not handed out again. */
  for (guint i = 0; i < cord_topology_get_n_devices (topology); i++)
    {
      CordDevice *a = cord_topology_get_device (topology, i);
      CordDevice *b = cord_topology_get_device (loaded, i);

      ck_assert_uint_eq (a->ports->len, b->ports->len);
      for (guint p = 0; p < a->ports->len; p++)
        ck_assert_uint_eq (((CordPort *) a->ports->pdata[p])->mac,
                           ((CordPort *) b->ports->pdata[p])->mac);
    }
  ck_assert (!cord_topology_is_modified (loaded));
  ck_assert (!cord_topology_can_undo (loaded));
}
END_TEST

static void
validate_with_schema (const char *path)
{
  g_autofree char *schema = g_build_filename (TOP_SRCDIR, "data", "patchcord-lab.rng", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };
  int status = -1;

  ck_assert_msg (xmllint != NULL, "xmllint is needed (Debian package libxml2-utils)");
  argv[0] = xmllint;
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                           &out, &err, &status, &error));
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "%s does not validate:\n%s", path, err);
}

START_TEST (test_schema_accepts_written_files)
{
  g_autoptr(CordTopology) topology = build_rich_lab ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cord-lab-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "rich.pclab", NULL);
  g_autoptr(CordTopology) empty = cord_topology_new (cord_catalog_get_default ());
  g_autofree char *empty_path = g_build_filename (dir, "empty.pclab", NULL);

  ck_assert (cord_lab_save_file (topology, path, &error));
  validate_with_schema (path);
  ck_assert (cord_lab_save_file (empty, empty_path, &error));
  validate_with_schema (empty_path);
  g_unlink (path);
  g_unlink (empty_path);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_sample_labs)
{
  g_autofree char *dir_path = g_build_filename (TOP_SRCDIR, "data", "labs", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0;

  ck_assert_ptr_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CordTopology) topology = NULL;
      g_autoptr(GBytes) saved = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".pclab"))
        continue;
      count++;
      ck_assert (g_file_get_contents (path, &contents, &len, NULL));
      topology = cord_lab_load_file (cord_catalog_get_default (), path, &error);
      ck_assert_msg (topology != NULL, "%s", error ? error->message : "");
      /* Load then save gives the same bytes. */
      saved = cord_lab_to_bytes (topology);
      ck_assert_msg (g_bytes_get_size (saved) == len &&
                     memcmp (g_bytes_get_data (saved, NULL), contents, len) == 0,
                     "%s does not save back byte for byte", name);
      validate_with_schema (path);
    }
  ck_assert_uint_ge (count, 1);
}
END_TEST

START_TEST (test_malformed_files)
{
  g_autofree char *dir_path = cord_test_path ("labs/bad");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0;

  ck_assert_ptr_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *stem = NULL;
      g_autofree char *expect_path = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CordTopology) topology = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".pclab"))
        continue;
      count++;
      stem = g_strndup (name, strlen (name) - strlen (".pclab"));
      expect_path = g_strdup_printf ("%s/%s.expect", dir_path, stem);
      ck_assert_msg (g_file_get_contents (expect_path, &expected, NULL, NULL),
                     "%s has no .expect file", name);
      g_strchomp (expected);
      ck_assert (g_file_get_contents (path, &contents, &len, NULL));
      /* Named by its base name, so the message does not depend on where
       * the source tree is. */
      topology = cord_lab_load_data (cord_catalog_get_default (), contents, len, name, &error);
      ck_assert_msg (topology == NULL, "%s loaded but must fail", name);
      ck_assert_ptr_nonnull (error);
      ck_assert_msg (strcmp (error->message, expected) == 0,
                     "%s:\n  expected: %s\n  got:      %s", name, expected, error->message);
    }
  ck_assert_uint_ge (count, 20);
}
END_TEST

START_TEST (test_error_codes)
{
  struct { const char *file; GQuark domain; int code; } rows[] = {
    { "future-version.pclab", 0, CORD_ERROR_VERSION },
    { "unknown-model.pclab", 0, CORD_ERROR_UNKNOWN_MODEL },
    { "unknown-port.pclab", 0, CORD_ERROR_UNKNOWN_PORT },
    { "unknown-device-in-link.pclab", 0, CORD_ERROR_UNKNOWN_DEVICE },
    { "fiber-into-copper.pclab", 0, CORD_ERROR_MEDIUM },
    { "port-used-twice.pclab", 0, CORD_ERROR_BUSY },
    { "not-xml.pclab", 0, CORD_ERROR_PARSE },
    { "long-name.pclab", 0, CORD_ERROR_LIMIT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *rel = g_strdup_printf ("labs/bad/%s", rows[i].file);
      g_autofree char *path = cord_test_path (rel);
      g_autoptr(GError) error = NULL;
      g_autoptr(CordTopology) topology = cord_lab_load_file (cord_catalog_get_default (), path, &error);

      ck_assert_ptr_null (topology);
      ck_assert_msg (g_error_matches (error, CORD_ERROR, rows[i].code), "%s: code %d, wanted %d",
                     rows[i].file, error->code, rows[i].code);
      /* The message starts with the file name and a line number. */
      ck_assert (g_str_has_prefix (error->message, path));
    }
}
END_TEST

/* Every prefix of a good file and many corrupted copies must load or
 * fail cleanly: the point is that nothing crashes or leaks. */
START_TEST (test_truncated_and_corrupted)
{
  g_autoptr(CordTopology) topology = build_rich_lab ();
  g_autoptr(GBytes) bytes = cord_lab_to_bytes (topology);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *copy = g_memdup2 (data, len);
  guint ok = 0, failed = 0;

  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CordTopology) t = cord_lab_load_data (cord_catalog_get_default (), data, cut, "cut.pclab", &error);

      if (t != NULL)
        ok++;
      else
        {
          ck_assert_ptr_nonnull (error);
          ck_assert (g_str_has_prefix (error->message, "cut.pclab"));
          failed++;
        }
    }
  /* Only the cut that drops the final newline still loads. */
  ck_assert_uint_eq (ok, 1);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CordTopology) t = NULL;
      gsize at = g_rand_int_range (rand, 0, len);
      char saved = copy[at];

      copy[at] = (char) g_rand_int_range (rand, 0, 256);
      t = cord_lab_load_data (cord_catalog_get_default (), copy, len, "mut.pclab", &error);
      ck_assert ((t == NULL) == (error != NULL));
      copy[at] = saved;
    }
  ck_assert_uint_gt (failed, 0);
}
END_TEST

START_TEST (test_size_limit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cord-lab-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.pclab", NULL);
  g_autoptr(CordTopology) topology = NULL;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0644);

  /* A sparse file: large to stat, but costs no disk. */
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (ftruncate (fd, (off_t) CORD_LIMIT_LAB_BYTES + 1), 0);
  close (fd);
  topology = cord_lab_load_file (cord_catalog_get_default (), path, &error);
  ck_assert_ptr_null (topology);
  ck_assert (g_error_matches (error, CORD_ERROR, CORD_ERROR_LIMIT));
  ck_assert_ptr_nonnull (strstr (error->message, "at most 64 MiB"));
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_load_errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CordTopology) t = cord_lab_load_file (cord_catalog_get_default (), "/nonexistent/lab.pclab", &error);

  ck_assert_ptr_null (t);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  ck_assert_ptr_nonnull (strstr (error->message, "/nonexistent/lab.pclab"));
  g_clear_error (&error);
  t = cord_lab_load_file (cord_catalog_get_default (), TEST_SRCDIR, &error);
  ck_assert_ptr_null (t);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY));
}
END_TEST

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

START_TEST (test_atomic_save)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cord-lab-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lab.pclab", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "lab.pclab", NULL);
  g_autofree char *subdir = g_build_filename (dir, "a-folder.pclab", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CordTopology) topology = build_rich_lab ();
  g_autoptr(CordTopology) other = cord_topology_new (cord_catalog_get_default ());
  GStatBuf st;

  ck_assert (cord_lab_save_file (topology, path, &error));
  ck_assert (!cord_topology_is_modified (topology));
  ck_assert_int_eq (g_chmod (path, 0600), 0);
  ck_assert (g_file_get_contents (path, &before, NULL, NULL));

  /* A save that cannot even start says why and touches nothing. */
  ck_assert (!cord_lab_save_file (other, missing, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  ck_assert_ptr_nonnull (strstr (error->message, "previous file was left as it was"));
  g_clear_error (&error);

  /* The rename fails over a folder: the temporary file must not stay. */
  ck_assert_int_eq (g_mkdir (subdir, 0755), 0);
  ck_assert (!cord_lab_save_file (other, subdir, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert_uint_eq (count_entries (dir), 2);

  /* Replacing keeps the old file's permissions. */
  add (other, "PC-PT", NULL, 0, 0);
  ck_assert (cord_lab_save_file (other, path, &error));
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert (g_file_get_contents (path, &after, NULL, NULL));
  ck_assert_str_ne (before, after);
  ck_assert_ptr_nonnull (strstr (after, "model=\"PC-PT\""));
  ck_assert_uint_eq (count_entries (dir), 2);

  g_unlink (path);
  g_rmdir (subdir);
  g_rmdir (dir);
}
END_TEST

static Suite *
lab_suite (void)
{
  Suite *suite = suite_create ("lab");
  TCase *round = tcase_create ("round-trip");
  TCase *bad = tcase_create ("malformed");
  TCase *save = tcase_create ("saving");

  tcase_set_timeout (bad, 120);
  tcase_add_test (round, test_round_trip);
  tcase_add_test (round, test_schema_accepts_written_files);
  tcase_add_test (round, test_sample_labs);
  tcase_add_test (bad, test_malformed_files);
  tcase_add_test (bad, test_error_codes);
  tcase_add_test (bad, test_truncated_and_corrupted);
  tcase_add_test (bad, test_size_limit);
  tcase_add_test (bad, test_load_errors);
  tcase_add_test (save, test_atomic_save);
  suite_add_tcase (suite, round);
  suite_add_tcase (suite, bad);
  suite_add_tcase (suite, save);
  return suite;
}

int
main (void)
{
  return cord_test_run (lab_suite ());
}
