/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A writer for classic nanosecond pcap files of Ethernet frames. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pcap.h"

/* Large enough that a busy capture costs one write(2) per few dozen
 * frames; the file still reaches the disk on flush and close. */
#define PCAP_BUFFER_SIZE (64 * 1024)

struct _CordPcapWriter {
  FILE *fp;          /* NULL once closed */
  char *path;        /* for messages */
  int   failed;      /* errno of the first failure; 0 while all is well */
};

static void
put_le16 (guint8 *p, guint16 v)
{
  p[0] = (guint8) v;
  p[1] = (guint8) (v >> 8);
}

static void
put_le32 (guint8 *p, guint32 v)
{
  p[0] = (guint8) v;
  p[1] = (guint8) (v >> 8);
  p[2] = (guint8) (v >> 16);
  p[3] = (guint8) (v >> 24);
}

/* stdio does not always set errno on a short write (a write of zero
 * bytes, say); EIO is the honest fallback. */
static int
saved_errno (int errsv)
{
  return errsv != 0 ? errsv : EIO;
}

static void
set_write_error (const CordPcapWriter *writer,
                 GError              **error)
{
  g_autofree char *display = NULL;

  g_assert (writer != NULL && writer->failed != 0);

  display = g_filename_display_name (writer->path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (writer->failed),
               _("Could not write capture file “%s”: %s"),
               display, g_strerror (writer->failed));
}

/* Records the first failure only: later ones are its consequences. */
static gboolean
fail (CordPcapWriter *writer,
      int             errsv,
      GError        **error)
{
  g_assert (writer != NULL);

  if (writer->failed == 0)
    writer->failed = saved_errno (errsv);
  set_write_error (writer, error);
  return FALSE;
}

/* Fields go out little-endian whatever the host: readers tell the byte
 * order from the magic, and fixed output keeps captures reproducible. */
CordPcapWriter *
cord_pcap_writer_new (const char  *path,
                      GError     **error)
{
  return cord_pcap_writer_new_full (path, CORD_PCAP_LINKTYPE_ETHERNET, error);
}

CordPcapWriter *
cord_pcap_writer_new_full (const char  *path,
                           guint32      linktype,
                           GError     **error)
{
  CordPcapWriter *writer;
  guint8 header[CORD_PCAP_GLOBAL_HLEN];
  FILE *fp;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  errno = 0;
  fp = g_fopen (path, "wb");
  if (fp == NULL)
    {
      int errsv = saved_errno (errno);
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create capture file “%s”: %s"),
                   display, g_strerror (errsv));
      return NULL;
    }
  setvbuf (fp, NULL, _IOFBF, PCAP_BUFFER_SIZE);

  writer = g_new0 (CordPcapWriter, 1);
  writer->fp = fp;
  writer->path = g_strdup (path);

  put_le32 (header, CORD_PCAP_MAGIC_NSEC);
  put_le16 (header + 4, CORD_PCAP_VERSION_MAJOR);
  put_le16 (header + 6, CORD_PCAP_VERSION_MINOR);
  put_le32 (header + 8, 0);             /* thiszone: timestamps are UTC */
  put_le32 (header + 12, 0);            /* sigfigs */
  put_le32 (header + 16, CORD_PCAP_SNAPLEN);
  put_le32 (header + 20, linktype);

  errno = 0;
  if (fwrite (header, 1, sizeof header, fp) != sizeof header)
    {
      fail (writer, errno, error);
      cord_pcap_writer_free (writer);
      return NULL;
    }
  return writer;
}

/* Frames longer than the snap length are cut, with the real length kept
 * in orig_len as a capturing NIC would. */
gboolean
cord_pcap_writer_write (CordPcapWriter *writer,
                        guint64         time_ns,
                        const guint8   *data,
                        gsize           len,
                        GError        **error)
{
  guint8 record[CORD_PCAP_RECORD_HLEN];
  guint64 seconds = time_ns / G_GUINT64_CONSTANT (1000000000);
  guint32 incl_len;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (writer->fp != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (len <= G_MAXUINT32, FALSE);
  /* ts_sec is 32 bits: 136 years of virtual time. */
  g_return_val_if_fail (seconds <= G_MAXUINT32, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A record after a failed one would sit at the wrong offset. */
  if (writer->failed != 0)
    {
      set_write_error (writer, error);
      return FALSE;
    }

  incl_len = (guint32) MIN (len, CORD_PCAP_SNAPLEN);
  put_le32 (record, (guint32) seconds);
  put_le32 (record + 4, (guint32) (time_ns % G_GUINT64_CONSTANT (1000000000)));
  put_le32 (record + 8, incl_len);
  put_le32 (record + 12, (guint32) len);

  errno = 0;
  if (fwrite (record, 1, sizeof record, writer->fp) != sizeof record)
    return fail (writer, errno, error);
  if (incl_len > 0 && fwrite (data, 1, incl_len, writer->fp) != incl_len)
    return fail (writer, errno, error);
  return TRUE;
}

/* Pushes buffered records to the kernel, where a disk-full error shows. */
gboolean
cord_pcap_writer_flush (CordPcapWriter *writer,
                        GError        **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (writer->fp != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writer->failed != 0)
    {
      set_write_error (writer, error);
      return FALSE;
    }
  errno = 0;
  if (fflush (writer->fp) != 0)
    return fail (writer, errno, error);
  return TRUE;
}

/* Flushes and closes the file. Returns FALSE if any write since the file
 * was created failed, so a caller that ignored write errors still learns
 * here that the capture is incomplete. Closing twice is harmless. */
gboolean
cord_pcap_writer_close (CordPcapWriter *writer,
                        GError        **error)
{
  FILE *fp;
  int errsv = 0;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writer->fp == NULL)
    return TRUE;

  fp = writer->fp;
  writer->fp = NULL;
  errno = 0;
  if (fflush (fp) != 0)
    errsv = saved_errno (errno);
  errno = 0;
  /* fclose releases the stream even when it fails. */
  if (fclose (fp) != 0 && errsv == 0)
    errsv = saved_errno (errno);
  if (errsv != 0 && writer->failed == 0)
    writer->failed = errsv;

  if (writer->failed != 0)
    {
      set_write_error (writer, error);
      return FALSE;
    }
  return TRUE;
}

/* Closes an open file without reporting errors: call
 * cord_pcap_writer_close() first to hear about them. */
void
cord_pcap_writer_free (CordPcapWriter *writer)
{
  if (writer == NULL)
    return;

  if (writer->fp != NULL)
    fclose (writer->fp);
  g_free (writer->path);
  g_free (writer);
}
