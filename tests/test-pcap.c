/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for pcap.c: exact file bytes, I/O errors, and tshark's reading. */
#include <check.h>
#include <string.h>
#include <glib/gstdio.h>

#include "frame.h"
#include "pcap.h"

#define IP(a, b, c, d) (((guint32) (a) << 24) | ((guint32) (b) << 16) | \
                        ((guint32) (c) << 8) | (guint32) (d))

static const CordMac mac_a = { { 0x00, 0x01, 0x42, 0x00, 0x0a, 0x01 } };
static const CordMac mac_b = { { 0x00, 0x01, 0x42, 0x00, 0x0a, 0x02 } };

/* A private directory per test, removed with everything in it. */
typedef struct {
  char *dir;
  char *file;
} TmpDir;

static void
tmp_dir_init (TmpDir *t)
{
  GError *error = NULL;

  t->dir = g_dir_make_tmp ("patchcord-pcap-XXXXXX", &error);
  ck_assert_msg (t->dir != NULL, "g_dir_make_tmp: %s", error ? error->message : "?");
  t->file = g_build_filename (t->dir, "capture.pcap", NULL);
}

static void
tmp_dir_clear (TmpDir *t)
{
  g_remove (t->file);
  g_rmdir (t->dir);
  g_free (t->file);
  g_free (t->dir);
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) |
         ((guint32) p[3] << 24);
}

static CordFrameIpv4Params
params (guint32 src, guint32 dst, const CordMac *smac, const CordMac *dmac, guint16 id)
{
  CordFrameIpv4Params p = {
    .dst_mac = *dmac,
    .src_mac = *smac,
    .src = src,
    .dst = dst,
    .ttl = 64,
    .id = id,
  };
  return p;
}

START_TEST (test_write_read_back)
{
  static const guint8 global[24] = {
    0x4d, 0x3c, 0xb2, 0xa1,         /* nanosecond magic, little-endian */
    0x02, 0x00, 0x04, 0x00,         /* version 2.4 */
    0x00, 0x00, 0x00, 0x00,         /* thiszone */
    0x00, 0x00, 0x00, 0x00,         /* sigfigs */
    0xff, 0xff, 0x00, 0x00,         /* snaplen 65535 */
    0x01, 0x00, 0x00, 0x00,         /* LINKTYPE_ETHERNET */
  };
  static const guint64 times[3] = {
    0,
    G_GUINT64_CONSTANT (1500000007),                 /* 1 s + 500000007 ns */
    G_GUINT64_CONSTANT (4294967295999999999),        /* the last representable */
  };
  static const guint32 want_sec[3] = { 0, 1, 0xffffffffu };
  static const guint32 want_nsec[3] = { 0, 500000007, 999999999 };
  CordFrameIpv4Params p = params (IP (10, 0, 0, 1), IP (10, 0, 0, 2), &mac_a, &mac_b, 1);
  g_autoptr (CordFrame) f0 = cord_frame_build_arp_request (&mac_a, 0, IP (10, 0, 0, 1),
                                                           IP (10, 0, 0, 2));
  g_autoptr (CordFrame) f1 = NULL;
  g_autoptr (CordFrame) f2 = NULL;
  const CordFrame *frames[3];
  g_autoptr (CordPcapWriter) w = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;
  gsize off;
  TmpDir t;
  guint8 data[56];

  memset (data, 0x61, sizeof data);
  f1 = cord_frame_build_icmp_echo_request (&p, 7, 1, data, sizeof data);
  f2 = cord_frame_build_icmp_dest_unreachable (&p, CORD_FRAME_UNREACH_HOST,
                                               f1->data + 14, f1->len - 14);
  frames[0] = f0;
  frames[1] = f1;
  frames[2] = f2;
  ck_assert_uint_eq (f0->len, 60);
  ck_assert_uint_eq (f1->len, 98);
  ck_assert_uint_eq (f2->len, 70);

  tmp_dir_init (&t);
  w = cord_pcap_writer_new (t.file, &error);
  ck_assert_msg (w != NULL, "%s", error ? error->message : "?");
  for (guint i = 0; i < 3; i++)
    ck_assert (cord_pcap_writer_write (w, times[i], frames[i]->data, frames[i]->len, &error));
  ck_assert (cord_pcap_writer_flush (w, &error));
  ck_assert (cord_pcap_writer_close (w, &error));
  ck_assert_ptr_null (error);
  /* Closing twice is harmless. */
  ck_assert (cord_pcap_writer_close (w, NULL));

  ck_assert (g_file_get_contents (t.file, &contents, &size, NULL));
  ck_assert_uint_eq (size, 24 + 3 * 16 + 60 + 98 + 70);
  ck_assert_mem_eq (contents, global, 24);

  off = 24;
  for (guint i = 0; i < 3; i++)
    {
      const guint8 *rec = (const guint8 *) contents + off;

      ck_assert_uint_eq (le32 (rec), want_sec[i]);
      ck_assert_uint_eq (le32 (rec + 4), want_nsec[i]);
      ck_assert_uint_eq (le32 (rec + 8), frames[i]->len);
      ck_assert_uint_eq (le32 (rec + 12), frames[i]->len);
      ck_assert_mem_eq (rec + 16, frames[i]->data, frames[i]->len);
      off += 16 + frames[i]->len;
    }
  /* Byte for byte, the second record header: 1 s, 500000007 ns, 98, 98. */
  {
    static const guint8 rec1[16] = {
      0x01, 0x00, 0x00, 0x00, 0x07, 0x65, 0xcd, 0x1d,
      0x62, 0x00, 0x00, 0x00, 0x62, 0x00, 0x00, 0x00,
    };
    ck_assert_mem_eq (contents + 24 + 16 + 60, rec1, 16);
  }
  ck_assert_uint_eq (off, size);
  tmp_dir_clear (&t);
}
END_TEST

/* Frames past the snap length are cut; orig_len keeps the truth. */
START_TEST (test_snaplen)
{
  g_autofree guint8 *big = g_malloc0 (70000);
  g_autoptr (CordPcapWriter) w = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;
  TmpDir t;

  tmp_dir_init (&t);
  w = cord_pcap_writer_new (t.file, NULL);
  ck_assert_ptr_nonnull (w);
  ck_assert (cord_pcap_writer_write (w, 42, big, 70000, NULL));
  ck_assert (cord_pcap_writer_write (w, 43, big, 0, NULL));
  ck_assert (cord_pcap_writer_close (w, NULL));
  ck_assert (g_file_get_contents (t.file, &contents, &size, NULL));
  ck_assert_uint_eq (size, 24 + 16 + 65535 + 16);
  ck_assert_uint_eq (le32 ((const guint8 *) contents + 24 + 4), 42);
  ck_assert_uint_eq (le32 ((const guint8 *) contents + 24 + 8), 65535);
  ck_assert_uint_eq (le32 ((const guint8 *) contents + 24 + 12), 70000);
  ck_assert_uint_eq (le32 ((const guint8 *) contents + 24 + 16 + 65535 + 8), 0);
  tmp_dir_clear (&t);
}
END_TEST

START_TEST (test_missing_directory)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  CordPcapWriter *w;
  TmpDir t;

  tmp_dir_init (&t);
  path = g_build_filename (t.dir, "no-such-dir", "x.pcap", NULL);
  w = cord_pcap_writer_new (path, &error);
  ck_assert_ptr_null (w);
  ck_assert_ptr_nonnull (error);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  ck_assert_msg (strstr (error->message, "x.pcap") != NULL, "%s", error->message);
  tmp_dir_clear (&t);
}
END_TEST

/* /dev/full accepts the open and fails every write with ENOSPC, which a
 * buffered writer first sees at flush. */
START_TEST (test_disk_full)
{
  g_autoptr (CordPcapWriter) w = NULL;
  g_autoptr (GError) error = NULL;
  const guint8 frame[60] = { 0 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    return;

  w = cord_pcap_writer_new ("/dev/full", &error);
  ck_assert_ptr_nonnull (w);
  ck_assert (cord_pcap_writer_write (w, 1, frame, sizeof frame, &error));
  ck_assert (!cord_pcap_writer_flush (w, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
  ck_assert_msg (strstr (error->message, "/dev/full") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* The failure sticks: later records would land at the wrong offset. */
  ck_assert (!cord_pcap_writer_write (w, 2, frame, sizeof frame, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
  g_clear_error (&error);
  ck_assert (!cord_pcap_writer_close (w, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
}
END_TEST

/* ENOSPC reported by close alone, for a caller that never flushes. */
START_TEST (test_disk_full_at_close)
{
  g_autoptr (CordPcapWriter) w = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    return;

  w = cord_pcap_writer_new ("/dev/full", NULL);
  ck_assert_ptr_nonnull (w);
  ck_assert (!cord_pcap_writer_close (w, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
}
END_TEST

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return strstr (haystack, needle) != NULL;
}

/* Wireshark is the independent judge of the bytes: if it is installed it
 * must decode every frame without complaint. */
START_TEST (test_tshark)
{
  g_autofree char *tshark = g_find_program_in_path ("tshark");
  CordFrameIpv4Params ping = params (IP (10, 0, 0, 1), IP (10, 0, 0, 2), &mac_a, &mac_b, 1);
  CordFrameIpv4Params pong = params (IP (10, 0, 0, 2), IP (10, 0, 0, 1), &mac_b, &mac_a, 2);
  CordFrameIpv4Params udp = params (IP (10, 0, 0, 1), IP (10, 0, 0, 2), &mac_a, &mac_b, 3);
  CordFrameIpv4Params router = params (IP (10, 0, 0, 254), IP (10, 0, 0, 1), &mac_b, &mac_a, 4);
  CordFrame *frames[8];
  g_autoptr (CordPcapWriter) w = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint8 data[56];
  int status = 0;
  TmpDir t;

  if (tshark == NULL)
    return;

  for (gsize i = 0; i < sizeof data; i++)
    data[i] = (guint8) (0x08 + i);
  /* Data 0xccfc makes this UDP sum 0, which goes out as 0xffff:
   * pseudo-header 0x141e + ports 0x9c40 + 0x829a + length 0x000a folds to
   * 0x3303, and 0x3303 + 0xccfc = 0xffff. Port 33434 keeps Wireshark from
   * decoding the two bytes as some protocol. */
  udp.dont_fragment = TRUE;
  frames[0] = cord_frame_build_arp_request (&mac_a, 0, IP (10, 0, 0, 1), IP (10, 0, 0, 2));
  frames[1] = cord_frame_build_arp_reply (&mac_b, &mac_a, 0, IP (10, 0, 0, 2), IP (10, 0, 0, 1));
  frames[2] = cord_frame_build_icmp_echo_request (&ping, 0x1234, 1, data, sizeof data);
  frames[3] = cord_frame_build_icmp_echo_reply (&pong, 0x1234, 1, data, sizeof data);
  frames[4] = cord_frame_build_udp (&udp, 40000, 33434, (const guint8 *) "\xcc\xfc", 2);
  frames[5] = cord_frame_build_icmp_time_exceeded (&router, 0, frames[2]->data + 14,
                                                   frames[2]->len - 14);
  frames[6] = cord_frame_build_icmp_dest_unreachable (&router, CORD_FRAME_UNREACH_PORT,
                                                      frames[4]->data + 14,
                                                      frames[4]->len - 14);
  frames[7] = cord_frame_add_vlan_tag (frames[2], 100);

  tmp_dir_init (&t);
  w = cord_pcap_writer_new (t.file, &error);
  ck_assert_ptr_nonnull (w);
  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    ck_assert (cord_pcap_writer_write (w, i * G_GUINT64_CONSTANT (1000000000) + 7,
                                       frames[i]->data, frames[i]->len, &error));
  ck_assert (cord_pcap_writer_close (w, &error));

  {
    /* Header and UDP checksum checks are off by default in Wireshark. */
    const char *argv[] = {
      tshark, "-n", "-r", t.file, "-V",
      "-o", "ip.check_checksum:TRUE",
      "-o", "udp.check_checksum:TRUE",
      NULL,
    };

    ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT,
                                 NULL, NULL, &out, &err, &status, &error),
                   "%s", error ? error->message : "?");
  }
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "tshark failed: %.3000s", err);

  ck_assert_msg (contains (out, "Echo (ping) request"), "%.3000s", out);
  ck_assert (contains (out, "Echo (ping) reply"));
  ck_assert (contains (out, "[Checksum Status: Good]"));
  ck_assert (contains (out, "Time-to-live exceeded"));
  ck_assert (contains (out, "Port unreachable"));
  ck_assert (contains (out, "ID: 100"));
  ck_assert (contains (out, "Opcode: request (1)"));
  ck_assert (contains (out, "Opcode: reply (2)"));
  ck_assert (contains (out, "[Header checksum status: Good]"));
  ck_assert (contains (out, "Checksum: 0xffff [correct]"));
  ck_assert_msg (contains (out, "Epoch Time: 1.000000007 seconds"), "%.3000s", out);
  ck_assert_msg (!contains (out, "Malformed"), "%.3000s", out);
  ck_assert_msg (!contains (out, "Bad]"), "%.3000s", out);
  ck_assert_msg (!contains (out, "Expert Info (Warning"), "%.3000s", out);
  ck_assert_msg (!contains (out, "Expert Info (Error"), "%.3000s", out);
  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    cord_frame_unref (frames[i]);
  tmp_dir_clear (&t);
}
END_TEST

static Suite *
pcap_suite (void)
{
  Suite *s = suite_create ("pcap");
  TCase *tc = tcase_create ("core");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_write_read_back);
  tcase_add_test (tc, test_snaplen);
  tcase_add_test (tc, test_missing_directory);
  tcase_add_test (tc, test_disk_full);
  tcase_add_test (tc, test_disk_full_at_close);
  tcase_add_test (tc, test_tshark);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  SRunner *sr = srunner_create (pcap_suite ());
  int failed;

  srunner_run_all (sr, CK_NORMAL);
  failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? 0 : 1;
}
