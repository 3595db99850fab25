/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The per-device IOS state, with the password encodings IOS writes into its configs. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ios-private.h"

/* Packet Tracer salts every enable secret with "mERr" ("enable secret class"
 * is always $1$mERr$9cTjUIEqNGurQiFU.ZeCi1 there), so configs compare equal
 * run after run; we do the same. */
#define SECRET_SALT "mERr"
/* Packet Tracer writes every type 7 password with seed 08 ("cisco" is
 * 0822455D0A16). */
#define TYPE7_SEED 8u

static const char type7_key[] = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";
static const char crypt_alphabet[] =
  "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static const CordIosIfType router_if_types[] = {
  { "Ethernet", N_("IEEE 802.3") },
  { "FastEthernet", N_("FastEthernet IEEE 802.3") },
  { "GigabitEthernet", N_("GigabitEthernet IEEE 802.3z") },
  { "Loopback", N_("Loopback interface") },
  { "Serial", N_("Serial") },
  { "Tunnel", N_("Tunnel interface") },
  { "Vlan", N_("Catalyst Vlans") },
  { NULL, NULL },
};

static const CordIosIfType switch_if_types[] = {
  { "FastEthernet", N_("FastEthernet IEEE 802.3") },
  { "GigabitEthernet", N_("GigabitEthernet IEEE 802.3z") },
  { "Port-channel", N_("Ethernet Channel of interfaces") },
  { "Vlan", N_("Catalyst Vlans") },
  { NULL, NULL },
};

const CordIosIfType *
_cord_ios_if_types (CordIosDevice *ios)
{
  return ios != NULL && ios->if_types != NULL ? ios->if_types : router_if_types;
}

void
cord_ios_line_reset (CordIosLine *line,
                     gboolean     login)
{
  g_return_if_fail (line != NULL);

  g_clear_pointer (&line->password, g_free);
  line->password_encrypted = FALSE;
  line->login = login;
  line->timeout_minutes = 10;
  line->timeout_seconds = 0;
  line->logging_synchronous = FALSE;
}

CordIosDevice *
cord_ios_device_new (CordIosPlatform  platform,
                     CordSim         *sim,
                     CordDevice      *device)
{
  CordIosDevice *ios = g_rc_box_new0 (CordIosDevice);
  gboolean router = platform == CORD_IOS_PLATFORM_ROUTER;

  ios->sim = sim;
  ios->device = device;
  ios->platform = platform;
  ios->features = router ? CORD_IOS_FEATURE_AUX | CORD_IOS_FEATURE_ROUTING
                         : CORD_IOS_FEATURE_SWITCHING;
  ios->version = g_strdup (router ? "12.2" : "15.0");
  ios->default_hostname = g_strdup (router ? "Router" : "Switch");
  ios->hostname = g_strdup (ios->default_hostname);
  ios->domain_lookup = TRUE;
  ios->n_vty = router ? 5 : CORD_IOS_MAX_VTY;
  ios->if_types = router ? router_if_types : switch_if_types;
  cord_ios_line_reset (&ios->console, FALSE);
  cord_ios_line_reset (&ios->aux, FALSE);
  for (guint i = 0; i < CORD_IOS_MAX_VTY; i++)
    cord_ios_line_reset (&ios->vty[i], TRUE);
  g_datalist_init (&ios->data);
  return ios;
}

CordIosDevice *
cord_ios_device_ref (CordIosDevice *ios)
{
  g_return_val_if_fail (ios != NULL, NULL);
  return g_rc_box_acquire (ios);
}

static void
device_clear (CordIosDevice *ios)
{
  g_datalist_clear (&ios->data);
  g_free (ios->version);
  g_free (ios->default_hostname);
  g_free (ios->hostname);
  g_free (ios->enable_secret);
  g_free (ios->enable_password);
  g_free (ios->banner_motd);
  g_free (ios->console.password);
  g_free (ios->aux.password);
  for (guint i = 0; i < CORD_IOS_MAX_VTY; i++)
    g_free (ios->vty[i].password);
}

void
cord_ios_device_unref (CordIosDevice *ios)
{
  g_return_if_fail (ios != NULL);
  g_rc_box_release_full (ios, (GDestroyNotify) device_clear);
}

void
cord_ios_device_set_data (CordIosDevice  *ios,
                          const char     *key,
                          gpointer        data,
                          GDestroyNotify  destroy)
{
  g_return_if_fail (ios != NULL);
  g_return_if_fail (key != NULL);
  g_datalist_set_data_full (&ios->data, key, data, destroy);
}

gpointer
cord_ios_device_get_data (CordIosDevice *ios,
                          const char    *key)
{
  g_return_val_if_fail (ios != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_datalist_get_data (&ios->data, key);
}

void
cord_ios_line_set_password (CordIosDevice *ios,
                            CordIosLine   *line,
                            const char    *cleartext)
{
  g_return_if_fail (ios != NULL);
  g_return_if_fail (line != NULL);

  g_free (line->password);
  line->password = g_strdup (cleartext);
  line->password_encrypted = cleartext != NULL && ios->password_encryption;
}

/* --- MD5-crypt, as "enable secret 5" ----------------------------------- */

static void
append_base64 (GString *out,
               guint32  value,
               guint    chars)
{
  while (chars-- > 0)
    {
      g_string_append_c (out, crypt_alphabet[value & 0x3f]);
      value >>= 6;
    }
}

char *
cord_ios_crypt_md5 (const char *password,
                    const char *salt)
{
  gsize plen, slen = 0, dlen = 16;
  guint8 digest[16];
  GChecksum *context, *alternate;
  GString *out;

  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (salt != NULL, NULL);

  plen = strlen (password);
  while (slen < 8 && salt[slen] != '\0' && salt[slen] != '$')
    slen++;

  context = g_checksum_new (G_CHECKSUM_MD5);
  g_checksum_update (context, (const guchar *) password, plen);
  g_checksum_update (context, (const guchar *) "$1$", 3);
  g_checksum_update (context, (const guchar *) salt, slen);

  alternate = g_checksum_new (G_CHECKSUM_MD5);
  g_checksum_update (alternate, (const guchar *) password, plen);
  g_checksum_update (alternate, (const guchar *) salt, slen);
  g_checksum_update (alternate, (const guchar *) password, plen);
  g_checksum_get_digest (alternate, digest, &dlen);
  g_checksum_free (alternate);

  for (gssize left = plen; left > 0; left -= 16)
    g_checksum_update (context, digest, MIN (left, 16));
  memset (digest, 0, sizeof digest);
  for (gsize bits = plen; bits != 0; bits >>= 1)
    g_checksum_update (context, (bits & 1) ? digest : (const guchar *) password, 1);
  dlen = 16;
  g_checksum_get_digest (context, digest, &dlen);
  g_checksum_free (context);

  /* The thousand rounds that make the hash slow to guess. */
  for (guint round = 0; round < 1000; round++)
    {
      GChecksum *step = g_checksum_new (G_CHECKSUM_MD5);

      if (round & 1)
        g_checksum_update (step, (const guchar *) password, plen);
      else
        g_checksum_update (step, digest, 16);
      if (round % 3)
        g_checksum_update (step, (const guchar *) salt, slen);
      if (round % 7)
        g_checksum_update (step, (const guchar *) password, plen);
      if (round & 1)
        g_checksum_update (step, digest, 16);
      else
        g_checksum_update (step, (const guchar *) password, plen);
      dlen = 16;
      g_checksum_get_digest (step, digest, &dlen);
      g_checksum_free (step);
    }

  out = g_string_new ("$1$");
  g_string_append_len (out, salt, slen);
  g_string_append_c (out, '$');
  append_base64 (out, (digest[0] << 16) | (digest[6] << 8) | digest[12], 4);
  append_base64 (out, (digest[1] << 16) | (digest[7] << 8) | digest[13], 4);
  append_base64 (out, (digest[2] << 16) | (digest[8] << 8) | digest[14], 4);
  append_base64 (out, (digest[3] << 16) | (digest[9] << 8) | digest[15], 4);
  append_base64 (out, (digest[4] << 16) | (digest[10] << 8) | digest[5], 4);
  append_base64 (out, digest[11], 2);
  return g_string_free (out, FALSE);
}

char *
cord_ios_crypt_secret (const char *password)
{
  g_return_val_if_fail (password != NULL, NULL);
  return cord_ios_crypt_md5 (password, SECRET_SALT);
}

gboolean
cord_ios_crypt_is_md5 (const char *text)
{
  gsize salt = 0, hash = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  if (!g_str_has_prefix (text, "$1$"))
    return FALSE;
  text += 3;
  while (text[salt] != '\0' && text[salt] != '$' && strchr (crypt_alphabet, text[salt]) != NULL)
    salt++;
  if (salt == 0 || salt > 8 || text[salt] != '$')
    return FALSE;
  text += salt + 1;
  while (text[hash] != '\0' && strchr (crypt_alphabet, text[hash]) != NULL)
    hash++;
  return hash == 22 && text[hash] == '\0';
}

/* --- Type 7, as "password 7" ------------------------------------------- */

char *
cord_ios_type7_encode (const char *password)
{
  GString *out;

  g_return_val_if_fail (password != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%02u", TYPE7_SEED);
  for (gsize i = 0; password[i] != '\0'; i++)
    g_string_append_printf (out, "%02X",
                            (guint) ((guchar) password[i] ^
                                     (guchar) type7_key[(TYPE7_SEED + i) % (sizeof type7_key - 1)]));
  return g_string_free (out, FALSE);
}

char *
cord_ios_type7_decode (const char *text)
{
  gsize len;
  guint seed;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  if (len < 4 || len % 2 != 0 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]))
    return NULL;
  seed = (text[0] - '0') * 10 + (text[1] - '0');
  if (seed >= sizeof type7_key - 1)
    return NULL;
  out = g_string_new (NULL);
  for (gsize i = 2; i < len; i += 2)
    {
      int high = g_ascii_xdigit_value (text[i]), low = g_ascii_xdigit_value (text[i + 1]);
      guchar c;

      if (high < 0 || low < 0)
        break;
      c = (guchar) ((high << 4) | low) ^ (guchar) type7_key[(seed + (i - 2) / 2) % (sizeof type7_key - 1)];
      if (!g_ascii_isprint (c))
        break;
      g_string_append_c (out, c);
      if (i + 2 >= len)
        return g_string_free (out, FALSE);
    }
  g_string_free (out, TRUE);
  return NULL;
}
